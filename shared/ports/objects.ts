/** A file as stored: its bytes and the media type it was sent with. */
export interface StoredObject {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** What a client is told to send a file with: one PUT of exactly `bytes` bytes of `contentType`, before it expires. */
export interface UploadTerms {
  readonly contentType: string;
  readonly bytes: number;
  readonly expiresInSeconds: number;
}

/**
 * Where files too large for a request wait for their job: on AWS an S3 bucket (uploads by presigned URL), locally
 * a folder only the engine's user can read. Keys are built in shared/domain/bulk-job.ts.
 */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none (never uploaded, expired, removed). */
  get(key: string): Promise<StoredObject | null>;
  /** What is stored under the key, without reading it; null when there is nothing. */
  head(key: string): Promise<(Omit<StoredObject, 'bytes'> & { readonly bytes: number }) | null>;
  /** Removes these objects; one already gone is no error. */
  remove(keys: readonly string[]): Promise<void>;
  /**
   * A URL the client PUTs the file to, with the headers of UPLOAD_HEADERS: absolute on AWS, a path on the local
   * engine's own origin locally (resolve it against the API's address). It stores one file: a second PUT to it
   * is refused (412), so what a job reads is what was handed in.
   */
  uploadUrl(key: string, terms: UploadTerms): Promise<string>;
}

/** The headers a PUT to an upload URL sends: the file's type, and the condition that nothing is there yet. */
export function uploadHeaders(terms: Pick<UploadTerms, 'contentType'>): Record<string, string> {
  return { 'content-type': terms.contentType, 'if-none-match': '*' };
}
