import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost: one of the equivalent settings the OWASP Password Storage Cheat Sheet lists (N=2^15, r=8, p=3):
 * 32 MiB of memory per guess, so a stolen data folder's hashes are slow to try.
 */
const COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // Node's default ceiling (32 MiB) is exactly N·r·128 and refuses it: room for the parameters themselves.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$<salt>$<key>` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/;

/**
 * Whether `password` is the one `stored` was made from. Without a stored hash (an unknown username) it derives
 * a key all the same and answers false, so that the time taken tells nobody which usernames exist.
 */
export async function passwordMatches(password: string, stored: string | undefined): Promise<boolean> {
  const parts = STORED.exec(stored ?? '');
  if (parts === null) {
    await derive(password, randomBytes(SALT_BYTES), COST);
    return false;
  }
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key ?? '', 'base64url');
  const actual = await derive(password, Buffer.from(salt ?? '', 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A first password: 144 random bits, typed once and then changed or kept in a password manager. */
export function newPassword(): string {
  return randomBytes(18).toString('base64url');
}
