import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import type { Caller } from '../../shared/auth/caller.ts';
import { callerFromClaims, claimsOf } from '../../shared/auth/claims.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';

const ISSUER = 'akim-nominations-local';
const AUDIENCE = 'akim-nominations';

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
    return new SignJWT({ ...claimsOf(caller) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${validForSeconds}s`)
      .sign(this.#key);
  }

  /** The caller a bearer token names; anything not signed by this engine, or expired, is refused. */
  async verify(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return callerFromClaims(payload);
    } catch {
      throw new UnauthorizedError();
    }
  }
}
