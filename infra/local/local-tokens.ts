import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import type { Caller } from '../../shared/auth/caller.ts';
import { callerFromClaims, claimsOf } from '../../shared/auth/claims.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';

const ISSUER = 'akim-nominations-local';
const API_AUDIENCE = 'akim-nominations';
const OPERATOR_AUDIENCE = 'akim-nominations-operator';

/**
 * Tokens of the local engine: HS256 with a key the engine creates once in its data folder (mode 600), the
 * stand-in for Cognito. `npm run token` signs with the same key.
 */
export class LocalTokens {
  readonly #key: Uint8Array;

  constructor(key: Uint8Array) {
    this.#key = key;
  }

  static inDataDir(dataDir: string): LocalTokens {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, 'token-signing.key');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    return new LocalTokens(Buffer.from(readFileSync(file, 'utf8'), 'base64'));
  }

  issue(caller: Exclude<Caller, { role: 'public' }>, validForSeconds = 12 * 3600): Promise<string> {
    return this.#sign({ ...claimsOf(caller) }, API_AUDIENCE, validForSeconds);
  }

  /**
   * A candidate's account name: the same for every token of the same person, and not their IIN. Keyed with
   * the signing key, so it cannot be turned back into the IIN by trying every IIN.
   */
  candidateSubject(iin: string): string {
    return `candidate-${createHmac('sha256', this.#key).update(iin).digest('hex').slice(0, 16)}`;
  }

  /** A token for the engine's own admin routes (clock, executions): never accepted by the API, nor the reverse. */
  issueOperator(subject: string, validForSeconds = 12 * 3600): Promise<string> {
    return this.#sign({ sub: subject }, OPERATOR_AUDIENCE, validForSeconds);
  }

  /** The caller a bearer token names; anything not signed by this engine, without an expiry, or expired, is refused. */
  async verify(token: string): Promise<Caller> {
    return callerFromClaims(await this.#verified(token, API_AUDIENCE));
  }

  /** Accepts an operator token, or refuses with UnauthorizedError. */
  async verifyOperator(token: string): Promise<void> {
    await this.#verified(token, OPERATOR_AUDIENCE);
  }

  #sign(claims: Record<string, unknown>, audience: string, validForSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${validForSeconds}s`)
      .sign(this.#key);
  }

  async #verified(token: string, audience: string): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        issuer: ISSUER,
        audience,
        algorithms: ['HS256'],
        // A token that never expires would outlive any account it was made for.
        requiredClaims: ['exp'],
      });
      return payload;
    } catch {
      throw new UnauthorizedError();
    }
  }
}
