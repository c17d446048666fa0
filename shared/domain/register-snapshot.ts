import { createHash } from 'node:crypto';

/**
 * A voter register as kept: the district's IINs, sorted and packed five bytes each (an IIN is twelve decimal
 * digits, under 2^40), nothing else. The signature check needs only "is this IIN on the list", which a binary
 * search over the packed bytes answers without a single object per voter; and data not kept cannot leak.
 */
export const BYTES_PER_IIN = 5;

/** The packed bytes of a set of IINs: sorted ascending, each once. */
export function packIins(iins: readonly string[]): Buffer {
  // A typed array sorts numbers natively (an IIN, under 2^40, is exact in one); repeats are then neighbours.
  const values = new Float64Array(iins.length);
  for (let i = 0; i < iins.length; i += 1) values[i] = Number(iins[i]);
  values.sort();
  const packed = Buffer.alloc(values.length * BYTES_PER_IIN);
  let length = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? 0;
    if (i > 0 && value === values[i - 1]) continue;
    packed.writeUIntBE(value, length, BYTES_PER_IIN);
    length += BYTES_PER_IIN;
  }
  return packed.subarray(0, length);
}

/** The SHA-256 of a packed register: the same voters give the same digest, whatever the file they came in. */
export function registerDigest(packed: Uint8Array): string {
  return createHash('sha256').update(packed).digest('hex');
}

/** A snapshot is named by its content, so importing the same list again is the same snapshot. */
export function snapshotIdOf(digest: string): string {
  return digest.slice(0, 32);
}

/** The packed register cut into pieces of at most `maxBytes` (whole IINs each), in order. */
export function chunksOf(packed: Buffer, maxBytes: number): Buffer[] {
  const size = Math.max(BYTES_PER_IIN, maxBytes - (maxBytes % BYTES_PER_IIN));
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < packed.length; offset += size) {
    chunks.push(packed.subarray(offset, Math.min(packed.length, offset + size)));
  }
  return chunks;
}

/** Membership in a packed register, by binary search. */
export class RegisterMembership {
  readonly #packed: Buffer;

  constructor(packed: Buffer) {
    if (packed.length % BYTES_PER_IIN !== 0) throw new Error('A packed register holds whole IINs only');
    this.#packed = packed;
  }

  get size(): number {
    return this.#packed.length / BYTES_PER_IIN;
  }

  has(iin: string): boolean {
    if (!/^\d{12}$/.test(iin)) return false;
    const wanted = Number(iin);
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.#packed.readUIntBE(middle * BYTES_PER_IIN, BYTES_PER_IIN);
      if (value === wanted) return true;
      if (value < wanted) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}
