import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE_OBJECTS_MAX_KEYS, S3_CLIENT_CONFIG, S3Objects } from '../../shared/aws/s3-objects.ts';
import { objectKeys, UPLOAD_URL_SECONDS } from '../../shared/domain/bulk-job.ts';

// AWS itself cannot be reached here. Request shapes are pinned with aws-sdk-client-mock; what S3 answers on the
// wire (an error's XML, a HEAD's bare 404) goes through the real SDK from a stub on loopback; upload URLs are the
// presigner's real output.
const BUCKET = 'akim-nominations-dev-uploads';
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const s3Client = (config: S3ClientConfig = {}) =>
  new S3Client({ region: 'eu-central-1', credentials, ...S3_CLIENT_CONFIG, ...config });

const uploadKey = objectKeys.upload('195230100-2026-03-15', 'voter-register', undefined, 'upload-1');
const terms = { contentType: 'text/csv', bytes: 15_728_640, expiresInSeconds: UPLOAD_URL_SECONDS };

describe('S3 objects: upload URLs (the presigner’s real output)', () => {
  it('names the bucket and key, and expires after the terms’ seconds', async () => {
    const url = new URL(await new S3Objects(s3Client(), BUCKET).uploadUrl(uploadKey, terms));
    expect(url.protocol).toBe('https:');
    expect(`${url.hostname}${url.pathname}`).toMatch(new RegExp(`${BUCKET}.*/${uploadKey}$`));
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(UPLOAD_URL_SECONDS));
    expect(url.searchParams.get('x-id')).toBe('PutObject');
  });

  it('signs the Content-Type, Content-Length and If-None-Match headers, so S3 refuses a PUT of another type or length, or a second one', async () => {
    const objects = new S3Objects(s3Client(), BUCKET);
    const url = new URL(await objects.uploadUrl(uploadKey, terms));
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual([
      'content-length',
      'content-type',
      'host',
      'if-none-match',
    ]);
    // Neither value travels in the URL: S3 takes them from the request's own headers, then checks the signature.
    expect([...url.searchParams.values()].some((v) => v.includes('text/csv'))).toBe(false);
    const signature = (u: string) => new URL(u).searchParams.get('X-Amz-Signature');
    const [other, longer] = await Promise.all([
      objects.uploadUrl(uploadKey, { ...terms, contentType: 'application/pdf' }),
      objects.uploadUrl(uploadKey, { ...terms, bytes: terms.bytes + 1 }),
    ]);
    expect(signature(other)).not.toBe(url.searchParams.get('X-Amz-Signature'));
    expect(signature(longer)).not.toBe(url.searchParams.get('X-Amz-Signature'));
  });

  it('signs no body checksum into the URL (the checksum of an empty body would refuse every file)', async () => {
    const url = new URL(await new S3Objects(s3Client(), BUCKET).uploadUrl(uploadKey, terms));
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
    expect(url.searchParams.get('X-Amz-Content-Sha256')).toBe('UNSIGNED-PAYLOAD');
  });

  it('refuses to hand out a URL from a client that would sign one', async () => {
    const defaults = new S3Client({ region: 'eu-central-1', credentials });
    await expect(new S3Objects(defaults, BUCKET).uploadUrl(uploadKey, terms)).rejects.toThrow(
      /S3_CLIENT_CONFIG/,
    );
  });
});

describe('S3 objects: requests', () => {
  const mocked = () => {
    const client = s3Client();
    return { mock: mockClient(client), objects: new S3Objects(client, BUCKET) };
  };

  it('puts an object with its media type, leaving encryption to the bucket’s default', async () => {
    const { mock, objects } = mocked();
    mock.on(PutObjectCommand).resolves({});
    const bytes = new TextEncoder().encode('iin\n900101300001\n');
    await objects.put(objectKeys.requestBody('job-1'), bytes, 'text/csv');
    expect(mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: 'jobs/job-1/request',
      Body: bytes,
      ContentType: 'text/csv',
    });
  });

  it('reads none where S3 answers NoSuchKey', async () => {
    const { mock, objects } = mocked();
    mock
      .on(GetObjectCommand)
      .rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    expect(await objects.get('jobs/job-2/request')).toBeNull();
    expect(mock.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: 'jobs/job-2/request',
    });
  });

  it('deletes in batches of at most 1,000 keys (the DeleteObjects limit), quietly', async () => {
    const { mock, objects } = mocked();
    mock.on(DeleteObjectsCommand).resolves({});
    const keys = Array.from({ length: 2_345 }, (_, n) => objectKeys.chunk('job-1', n));
    await objects.remove(keys);
    const batches = mock.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input);
    expect(batches.map((b) => b.Delete?.Objects?.length)).toEqual([1000, 1000, 345]);
    expect(DELETE_OBJECTS_MAX_KEYS).toBe(1000);
    expect(batches.flatMap((b) => b.Delete?.Objects?.map((o) => o.Key))).toEqual(keys);
    expect(batches.every((b) => b.Bucket === BUCKET && b.Delete?.Quiet === true)).toBe(true);
  });

  it('sends nothing to remove no keys', async () => {
    const { mock, objects } = mocked();
    await objects.remove([]);
    expect(mock.commandCalls(DeleteObjectsCommand)).toEqual([]);
  });

  it('fails when S3 could not delete a key, but not for a key already gone', async () => {
    const { mock, objects } = mocked();
    mock
      .on(DeleteObjectsCommand)
      .resolvesOnce({ Errors: [{ Key: 'jobs/a', Code: 'NoSuchKey' }] })
      .resolvesOnce({ Errors: [{ Key: 'jobs/b', Code: 'AccessDenied', Message: 'Access Denied' }] });
    await expect(objects.remove(['jobs/a'])).resolves.toBeUndefined();
    await expect(objects.remove(['jobs/b'])).rejects.toThrow(/1 of 1 objects \(AccessDenied\)/);
  });
});

describe('S3 objects: what S3 answers on the wire', () => {
  interface Seen {
    readonly method: string;
    readonly url: string;
    readonly headers: IncomingHttpHeaders;
  }
  const seen: Seen[] = [];
  /** S3's answers, by method and key: status, headers and body as the service sends them. */
  const answers = new Map<string, { status: number; headers?: Record<string, string>; body?: string }>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const url = request.url ?? '';
      seen.push({ method: request.method ?? '', url, headers: request.headers });
      const key = `${request.method} ${decodeURIComponent(new URL(url, 'http://s3').pathname)}`;
      const answer = answers.get(key) ?? { status: 500, body: '' };
      response.writeHead(answer.status, { 'content-type': 'application/xml', ...answer.headers });
      response.end(request.method === 'HEAD' ? undefined : answer.body);
    });
  });
  const s3Error = (code: string, message: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R</RequestId><HostId>H</HostId></Error>`;
  let objects: S3Objects;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    objects = new S3Objects(
      s3Client({ endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, maxAttempts: 1 }),
      BUCKET,
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads an object’s bytes and media type', async () => {
    answers.set(`GET /${BUCKET}/jobs/job-1/request`, {
      status: 200,
      headers: { 'content-type': 'text/csv' },
      body: 'iin\n900101300001\n',
    });
    expect(await objects.get('jobs/job-1/request')).toEqual({
      bytes: new TextEncoder().encode('iin\n900101300001\n'),
      contentType: 'text/csv',
    });
  });

  it('reads a missing object (404 NoSuchKey) as none', async () => {
    answers.set(`GET /${BUCKET}/jobs/gone/request`, {
      status: 404,
      body: s3Error('NoSuchKey', 'The specified key does not exist.'),
    });
    expect(await objects.get('jobs/gone/request')).toBeNull();
  });

  it('lets AccessDenied through: S3’s answer for a missing key to a caller that may not list it', async () => {
    answers.set(`GET /${BUCKET}/jobs/hidden/request`, {
      status: 403,
      body: s3Error('AccessDenied', 'Access Denied'),
    });
    await expect(objects.get('jobs/hidden/request')).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('heads an upload for its media type and length, and a missing one (a bare 404) as none', async () => {
    answers.set(`HEAD /${BUCKET}/${uploadKey}`, {
      status: 200,
      headers: { 'content-type': 'text/csv', 'content-length': '15728640' },
    });
    answers.set(`HEAD /${BUCKET}/uploads/never-sent`, { status: 404 });
    expect(await objects.head(uploadKey)).toEqual({ contentType: 'text/csv', bytes: 15_728_640 });
    expect(await objects.head('uploads/never-sent')).toBeNull();
  });

  it('sends DeleteObjects with the checksum S3 requires of it', async () => {
    answers.set(`POST /${BUCKET}/`, {
      status: 200,
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<DeleteResult></DeleteResult>',
    });
    await objects.remove(['jobs/job-1/chunk-00000.json']);
    const request = seen.find((s) => s.method === 'POST' && s.url.includes('delete'));
    expect(request).toBeDefined();
    expect(
      Object.keys(request?.headers ?? {}).some((h) => h === 'content-md5' || h.startsWith('x-amz-checksum-')),
    ).toBe(true);
  });
});
