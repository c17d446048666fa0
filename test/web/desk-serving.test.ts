import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESK_DIST } from '../../infra/local/desk-build.ts';
import { createDeskFiles } from '../../infra/local/desk-files.ts';

const config = { authority: 'http://127.0.0.1:1/oidc', clientId: 'desk', apiUrl: 'http://127.0.0.1:1' };

let server: Server;
let url: string;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'desk-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'export {};');
  writeFileSync(join(dist, 'secret.txt'), 'not an asset');
  const desk = createDeskFiles({ distDir: dist, config: () => config });
  server = createServer((req, res) => {
    if (!desk(req, res, new URL(req.url ?? '/', 'http://localhost').pathname)) {
      res.writeHead(418).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the desk as the engine serves it', () => {
  it('serves index.html revalidated each time, under a strict Content-Security-Policy', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets browsers keep hashed assets for good, and serves nothing else of the folder', async () => {
    const asset = await fetch(`${url}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of [
      '/assets/../secret.txt',
      '/assets/%2e%2e%2fsecret.txt',
      '/assets/missing.js',
      '/assets/x.exe',
    ]) {
      expect((await fetch(`${url}${path}`)).status, path).not.toBe(200);
    }
    // Anything that is not the desk's is left to the API.
    expect((await fetch(`${url}/elections`)).status).toBe(418);
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(418);
  });

  it('tells the desk where to sign in and where the API is, never cached', async () => {
    const response = await fetch(`${url}/desk-config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(config);
  });
});

describe('the desk as built', () => {
  it('loads at most 150 KB of gzipped JavaScript on the first page', () => {
    expect(inject('deskBuildError')).toBeNull();
    const index = readFileSync(join(DESK_DIST, 'index.html'), 'utf8');
    const scripts = [
      ...index.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/assets\/([^"]+\.js)"/g),
    ]
      .map((match) => match[1] ?? '')
      .filter((name) => name !== '');
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce(
      (total, name) => total + gzipSync(readFileSync(join(DESK_DIST, 'assets', name))).byteLength,
      0,
    );
    console.log(
      `desk first load: ${(gzipped / 1024).toFixed(1)} KB gzipped JavaScript (${scripts.join(', ')})`,
    );
    expect(gzipped).toBeLessThanOrEqual(150 * 1024);
    // Nothing inline: the Content-Security-Policy would refuse it.
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(
      readdirSync(join(DESK_DIST, 'assets')).every((name) => /-[A-Za-z0-9_-]{8}\.(js|css)$/.test(name)),
    ).toBe(true);
  });
});
