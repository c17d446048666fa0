import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ObjectStore, StoredObject, UploadTerms } from '../../shared/ports/objects.ts';

/** Keys the product builds (shared/domain/bulk-job.ts objectKeys): nothing that could leave the folder. */
const KEY = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** Where presigned uploads are PUT on the local engine's own origin. */
export const LOCAL_UPLOAD_PATH = '/uploads/';

export type UploadCheck =
  | { readonly ok: true; readonly key: string; readonly bytes: number }
  | { readonly ok: false; readonly reason: 'signature' | 'expired' | 'content-type' | 'length' | 'exists' };

/**
 * The object store of the local engine: a folder only the engine's user may enter (files 0600, folders 0700,
 * as the data folder), and upload URLs signed with a key of this process, as S3 signs its presigned URLs: the
 * URL fixes the object key, the media type, the exact length and the expiry.
 */
export class LocalObjects implements ObjectStore {
  readonly #root: string;
  readonly #secret = randomBytes(32);
  readonly #now: () => number;

  constructor(root: string, now: () => number = Date.now) {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    this.#root = root;
    this.#now = now;
  }

  /** A store in a new temporary folder (tests, and engines built without a data folder). */
  static temporary(): LocalObjects {
    return new LocalObjects(mkdtempSync(join(tmpdir(), 'akim-objects-')));
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Written aside and renamed: a crash never leaves half a file under the key.
    const aside = `${path}.${randomBytes(6).toString('hex')}.partial`;
    await writeFile(aside, bytes, { mode: 0o600 });
    await writeFile(`${aside}.type`, contentType, { mode: 0o600 });
    await rename(`${aside}.type`, `${path}.type`);
    await rename(aside, path);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.#path(key);
    try {
      const [bytes, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async head(key: string): Promise<{ contentType: string; bytes: number } | null> {
    const path = this.#path(key);
    try {
      const [info, contentType] = await Promise.all([stat(path), readFile(`${path}.type`, 'utf8')]);
      return { contentType, bytes: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.flatMap((key) => {
        const path = this.#path(key);
        return [rm(path, { force: true }), rm(`${path}.type`, { force: true })];
      }),
    );
  }

  async uploadUrl(key: string, terms: UploadTerms): Promise<string> {
    this.#path(key);
    const expires = Math.floor(this.#now() / 1000) + terms.expiresInSeconds;
    const query = new URLSearchParams({
      expires: String(expires),
      type: terms.contentType,
      bytes: String(terms.bytes),
    });
    query.set('signature', this.#sign(key, query));
    return `${LOCAL_UPLOAD_PATH}${key}?${query}`;
  }

  /**
   * Whether a PUT to an upload URL may store its body: the URL as signed, not expired, and the request's media
   * type and length those the URL was signed for.
   */
  checkUpload(
    path: string,
    query: URLSearchParams,
    contentType: string | undefined,
    length: number,
  ): UploadCheck {
    const key = path.slice(LOCAL_UPLOAD_PATH.length);
    const signature = query.get('signature') ?? '';
    const signed = new URLSearchParams(query);
    signed.delete('signature');
    const expected = Buffer.from(this.#sign(key, signed));
    const given = Buffer.from(signature);
    if (!KEY.test(key) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'signature' };
    }
    if (Number(signed.get('expires')) * 1000 < this.#now()) return { ok: false, reason: 'expired' };
    if ((contentType ?? '').trim().toLowerCase() !== (signed.get('type') ?? '').toLowerCase()) {
      return { ok: false, reason: 'content-type' };
    }
    const bytes = Number(signed.get('bytes'));
    if (length !== bytes) return { ok: false, reason: 'length' };
    // One file per URL, as S3's conditional write (If-None-Match: *) keeps it: never a second in its place.
    if (existsSync(this.#path(key))) return { ok: false, reason: 'exists' };
    return { ok: true, key, bytes };
  }

  #sign(key: string, query: URLSearchParams): string {
    const text = [key, query.get('expires'), query.get('type'), query.get('bytes')].join('\n');
    return createHmac('sha256', this.#secret).update(text).digest('base64url');
  }

  #path(key: string): string {
    if (!KEY.test(key) || key.split('/').includes('..'))
      throw new Error('an object key the product never builds');
    return join(this.#root, key);
  }
}
