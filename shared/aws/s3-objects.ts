import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore, StoredObject, UploadTerms } from '../ports/objects.ts';

/** The most keys one DeleteObjects request may name (S3's limit). */
export const DELETE_OBJECTS_MAX_KEYS = 1000;

/**
 * How the S3 client of an S3Objects is made. By default the SDK adds a CRC32 of the request body to every
 * PutObject, and a presigned PUT has no body yet: it would sign the checksum of an empty file into the URL, and
 * S3 would refuse every real file sent to it (aws-sdk-js-v3 issue 6994). Checksums only where an operation
 * requires one (DeleteObjects does) keep the URL free of it.
 */
export const S3_CLIENT_CONFIG = {
  requestChecksumCalculation: 'WHEN_REQUIRED',
} as const satisfies S3ClientConfig;

/** The headers a presigned upload binds: S3 refuses a PUT with another media type or another length. */
const BOUND_HEADERS = new Set(['content-type', 'content-length', 'if-none-match']);

/**
 * The ObjectStore port on AWS: one S3 bucket, encrypted at rest by its default encryption (so no request names
 * it), its objects expired by lifecycle rules (infra/aws). Clients upload straight to it through presigned URLs.
 */
export class S3Objects implements ObjectStore {
  readonly #client: S3Client;
  readonly #bucket: string;

  /** The client should be made with S3_CLIENT_CONFIG. */
  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.#bucket = bucket;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: bytes, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const { Body, ContentType } = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: key }),
      );
      if (Body === undefined) throw new Error(`S3 answered GetObject of ${key} without a body`);
      return {
        bytes: await Body.transformToByteArray(),
        contentType: ContentType ?? 'application/octet-stream',
      };
    } catch (error) {
      // S3 answers NoSuchKey only to a caller that may list the key's prefix (the stack grants it), else AccessDenied.
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async head(key: string): Promise<{ contentType: string; bytes: number } | null> {
    try {
      const { ContentType, ContentLength } = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: key }),
      );
      return { contentType: ContentType ?? 'application/octet-stream', bytes: ContentLength ?? 0 };
    } catch (error) {
      // A HEAD answer has no body to name the error: the SDK names a 404 NotFound.
      if (error instanceof NotFound || error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_OBJECTS_MAX_KEYS) {
      const batch = keys.slice(start, start + DELETE_OBJECTS_MAX_KEYS);
      // S3 reports a key that is not there as deleted; Quiet leaves only the failures in the answer.
      const { Errors } = await this.#client.send(
        new DeleteObjectsCommand({
          Bucket: this.#bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = (Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        const codes = [...new Set(failed.map((e) => e.Code ?? 'unknown'))].join(', ');
        throw new Error(`S3 did not delete ${failed.length} of ${batch.length} objects (${codes})`);
      }
    }
  }

  async uploadUrl(key: string, terms: UploadTerms): Promise<string> {
    const url = await getSignedUrl(
      this.#client,
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ContentType: terms.contentType,
        ContentLength: terms.bytes,
        // A conditional write: the URL stores one file, never a second in its place (S3 answers 412 to that),
        // so a job reads what was handed in when it was accepted.
        IfNoneMatch: '*',
      }),
      // The presigner signs no Content-Type unless told to; signed, both headers become part of the URL's terms.
      { expiresIn: terms.expiresInSeconds, signableHeaders: BOUND_HEADERS },
    );
    if (
      [...new URL(url).searchParams.keys()].some((name) => name.toLowerCase().startsWith('x-amz-checksum-'))
    ) {
      throw new Error('the S3 client signs a body checksum into upload URLs: make it with S3_CLIENT_CONFIG');
    }
    return url;
  }
}
