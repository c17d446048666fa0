import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { callerFromClaims, claimsOf } from '../../shared/auth/claims.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';

const ISSUER = 'akim-nominations-local';
const API_AUDIENCE = 'akim-nominations';
const OPERATOR_AUDIENCE = 'akim-nominations-operator';
const ALGORITHM = 'ES256';
/** Tokens whose signature was verified, kept until they expire: a desk or a script sends the same one again and again. */
const VERIFIED_KEPT = 1_000;

/** The engine's signing key as kept in its data folder: a private P-256 key as a JWK. */
const SigningJwkSchema = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  d: z.string(),
  x: z.string(),
  y: z.string(),
});
export type SigningJwk = z.infer<typeof SigningJwkSchema> & { readonly kid: string; readonly alg: 'ES256' };

/** Who else's tokens the API takes: an issuer and the audience its tokens name (the local OpenID provider's). */
interface TrustedIssuer {
  readonly issuer: string;
  readonly audience: string;
}

/**
 * Tokens of the local engine, the stand-in for Cognito: ES256 with a key pair the engine creates once in its data
 * folder (`token-signing.key`, mode 600). `npm run token` signs with it, and so does the engine's OpenID provider
 * (its ID tokens, issuer `<engine>/oidc`, audience `desk`), so one key verifies both.
 */
export class LocalTokens {
  readonly #jwk: SigningJwk;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #trusted: TrustedIssuer[] = [{ issuer: ISSUER, audience: API_AUDIENCE }];
  /** Verified claims by issuer, audience and token: the signature is checked once, the expiry at every use. */
  readonly #verifiedTokens = new Map<
    string,
    { readonly payload: Record<string, unknown>; readonly exp: number }
  >();

  constructor(jwk: z.infer<typeof SigningJwkSchema>) {
    const { kty, crv, d, x, y } = jwk;
    this.#jwk = {
      kty,
      crv,
      d,
      x,
      y,
      alg: ALGORITHM,
      kid: createHash('sha256').update(`${x}.${y}`).digest('base64url').slice(0, 16),
    };
    this.#privateKey = createPrivateKey({ key: { kty, crv, d, x, y }, format: 'jwk' });
    this.#publicKey = createPublicKey(this.#privateKey);
  }

  /**
   * The key pair in `dataDir`, made on first use. A folder of an earlier version holds an HS256 secret there
   * instead: it is replaced, and the tokens it signed are no longer accepted.
   */
  static inDataDir(dataDir: string): LocalTokens {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, 'token-signing.key');
    const stored = existsSync(file)
      ? SigningJwkSchema.safeParse(parseJson(readFileSync(file, 'utf8')))
      : null;
    if (stored?.success) return new LocalTokens(stored.data);
    const jwk = SigningJwkSchema.parse(
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
    );
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
    return new LocalTokens(jwk);
  }

  /** The private key for the OpenID provider's key set (it signs ID tokens with it). */
  get signingJwk(): SigningJwk {
    return this.#jwk;
  }

  /** Accepts ID tokens of `issuer` for `audience` besides the engine's own (the local OpenID provider's). */
  trust(issuer: string, audience: string): void {
    this.#trusted.push({ issuer, audience });
  }

  issue(caller: Exclude<Caller, { role: 'public' }>, validForSeconds = 12 * 3600): Promise<string> {
    return this.#sign({ ...claimsOf(caller) }, API_AUDIENCE, validForSeconds);
  }

  /**
   * A candidate's account name: the same for every token of the same person, and not their IIN. Keyed with
   * the signing key, so it cannot be turned back into the IIN by trying every IIN.
   */
  candidateSubject(iin: string): string {
    const key = Buffer.from(this.#jwk.d, 'base64url');
    return `candidate-${createHmac('sha256', key).update(iin).digest('hex').slice(0, 16)}`;
  }

  /** A token for the engine's own admin routes (clock, executions, accounts): never accepted by the API, nor the reverse. */
  issueOperator(subject: string, validForSeconds = 12 * 3600): Promise<string> {
    return this.#sign({ sub: subject }, OPERATOR_AUDIENCE, validForSeconds);
  }

  /** The caller a bearer token names; anything not signed by this engine, without an expiry, or expired, is refused. */
  async verify(token: string): Promise<Caller> {
    const trusted = this.#trusted.find((t) => t.issuer === unverifiedIssuer(token));
    if (trusted === undefined) throw new UnauthorizedError();
    return callerFromClaims(await this.#verified(token, trusted));
  }

  /** Accepts an operator token, or refuses with UnauthorizedError. */
  async verifyOperator(token: string): Promise<void> {
    await this.#verified(token, { issuer: ISSUER, audience: OPERATOR_AUDIENCE });
  }

  #sign(claims: Record<string, unknown>, audience: string, validForSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.#jwk.kid })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${validForSeconds}s`)
      .sign(this.#privateKey);
  }

  /**
   * The claims of a token signed by this engine's key for `audience` and not expired. An ES256 verification was
   * a tenth of the API's CPU per request here; a token verified before is taken again without it until its
   * `exp` (as jose judges it: expired from that second on), and a changed byte is another token.
   */
  async #verified(token: string, trusted: TrustedIssuer): Promise<Record<string, unknown>> {
    const key = `${trusted.issuer} ${trusted.audience} ${token}`;
    const now = Math.floor(Date.now() / 1000);
    const known = this.#verifiedTokens.get(key);
    if (known !== undefined) {
      if (known.exp > now) return known.payload;
      this.#verifiedTokens.delete(key);
      throw new UnauthorizedError();
    }
    const payload = await this.#verifiedBySignature(token, trusted);
    if (typeof payload.exp === 'number') {
      if (this.#verifiedTokens.size >= VERIFIED_KEPT) {
        const oldest = this.#verifiedTokens.keys().next().value;
        if (oldest !== undefined) this.#verifiedTokens.delete(oldest);
      }
      this.#verifiedTokens.set(key, { payload, exp: payload.exp });
    }
    return payload;
  }

  async #verifiedBySignature(
    token: string,
    { issuer, audience }: TrustedIssuer,
  ): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, this.#publicKey, {
        issuer,
        audience,
        // Only the engine's own algorithm: `none`, and HS256 keyed with the public key, are refused.
        algorithms: [ALGORITHM],
        // A token that never expires would outlive any account it was made for.
        requiredClaims: ['exp'],
      });
      return payload;
    } catch {
      throw new UnauthorizedError();
    }
  }
}

/** The issuer a token claims, read before its signature is checked only to pick the audience to check it for. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
