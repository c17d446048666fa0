import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjects } from '../../../infra/local/local-objects.ts';

const terms = { contentType: 'text/csv', bytes: 5, expiresInSeconds: 900 };

describe('the local object store’s upload URLs', () => {
  it('take one file of the signed type and size until they expire, under no key the product never builds', async () => {
    let now = Date.parse('2026-02-10T10:00:00Z');
    const objects = new LocalObjects(mkdtempSync(join(tmpdir(), 'akim-objects-')), () => now);
    const url = new URL(await objects.uploadUrl('uploads/e/signatures/c/u1', terms), 'http://127.0.0.1');
    const check = (type: string, length: number) =>
      objects.checkUpload(url.pathname, url.searchParams, type, length);
    expect(check('text/csv', 5)).toMatchObject({ ok: true, key: 'uploads/e/signatures/c/u1' });
    expect(check('text/csv', 6)).toEqual({ ok: false, reason: 'length' });
    expect(check('application/json', 5)).toEqual({ ok: false, reason: 'content-type' });
    const forged = new URLSearchParams(url.searchParams);
    forged.set('bytes', '50');
    expect(objects.checkUpload(url.pathname, forged, 'text/csv', 50)).toEqual({
      ok: false,
      reason: 'signature',
    });
    await objects.put('uploads/e/signatures/c/u1', Buffer.from('a,b\n1'), 'text/csv');
    expect(check('text/csv', 5)).toEqual({ ok: false, reason: 'exists' });
    const later = new URL(await objects.uploadUrl('uploads/e/signatures/c/u2', terms), 'http://127.0.0.1');
    now += 901_000;
    expect(objects.checkUpload(later.pathname, later.searchParams, 'text/csv', 5)).toEqual({
      ok: false,
      reason: 'expired',
    });
    await expect(objects.uploadUrl('uploads/../../etc/passwd', terms)).rejects.toThrow();
    expect(await objects.get('uploads/e/signatures/c/u9')).toBeNull();
  });
});
