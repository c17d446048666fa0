// Issue 13, attacked from outside: the desk's files as the engine serves them beside the API. Requests are sent
// byte for byte (fetch would tidy their paths first), to a server that reads paths as the engine's does.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskFiles } from '../../infra/local/desk-files.ts';

const SECRET = 'token-signing-key-do-not-serve';
let server: Server;
let port: number;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'desk-files-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets', 'folder.js'), { recursive: true });
  writeFileSync(join(root, 'token-signing.key'), SECRET);
  writeFileSync(join(dist, 'secret.js'), SECRET);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dist, 'assets', 'notes.txt'), '<script>alert(1)</script>');
  const desk = createDeskFiles({
    distDir: dist,
    config: () => ({ authority: 'http://127.0.0.1:1/oidc', clientId: 'desk', apiUrl: 'http://127.0.0.1:1' }),
  });
  server = createServer((req, res) => {
    try {
      // As infra/local/http-server.ts reads a path before handing it to the desk.
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (!desk(req, res, pathname)) res.writeHead(404, { 'content-length': 3 }).end('api');
    } catch {
      res.writeHead(500).end('crashed');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Sends a request line exactly as given; answers the status, headers and body. */
function raw(method: string, target: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => {
      data += String(chunk);
    });
    socket.on('end', () => {
      const at = data.indexOf('\r\n\r\n');
      const head = data.slice(0, at);
      resolve({ status: Number(head.split(' ')[1]), head: head.toLowerCase(), body: data.slice(at + 4) });
    });
    socket.on('error', reject);
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

describe('the desk’s files, asked for what is not theirs', () => {
  it('serve nothing outside web/dist/assets, however the way up is spelt', async () => {
    const tricks = [
      '/assets/../secret.js',
      '/assets/%2e%2e/secret.js',
      '/assets/%2E%2E%2Fsecret.js',
      '/assets/%252e%252e%252fsecret.js',
      '/assets/..%5csecret.js',
      '/assets/..\\secret.js',
      '/assets/..%2f..%2ftoken-signing.key',
      '/assets/../../token-signing.key',
      '/assets/index-abc123.js%00.key',
      '/assets//secret.js',
      '/assets/.%2e/secret.js',
      '/%2e%2e/token-signing.key',
      '/secret.js',
    ];
    for (const target of tricks) {
      const answer = await raw('GET', target);
      expect(answer.status, target).not.toBe(200);
      expect(answer.status, target).not.toBe(500);
      expect(answer.body, target).not.toContain(SECRET);
    }
  });

  it('answer a folder named like an asset, a type they do not serve, and a path of 8 KB with 404', async () => {
    for (const target of [
      '/assets/folder.js',
      '/assets/notes.txt',
      `/assets/${'a'.repeat(8000)}.js`,
      '/assets/',
    ]) {
      expect((await raw('GET', target)).status, target.slice(0, 40)).toBe(404);
    }
  });

  it('answer HEAD with the headers of GET and no body, and leave OPTIONS and POST to the API', async () => {
    const head = await raw('HEAD', '/assets/index-abc123.js');
    expect(head.status).toBe(200);
    expect(head.head).toContain('content-type: text/javascript');
    expect(head.body).toBe('');
    expect((await raw('OPTIONS', '/')).body).toBe('api');
    expect((await raw('POST', '/desk-config.json')).body).toBe('api');
  });
});

describe('what the desk’s files say about themselves', () => {
  it('are never sniffed, never framed: every answer, found or not, carries the security headers', async () => {
    for (const target of [
      '/',
      '/index.html',
      '/assets/index-abc123.css',
      '/assets/nope.js',
      '/desk-config.json',
    ]) {
      const answer = await raw('GET', target);
      expect(answer.head, target).toContain('x-content-type-options: nosniff');
      expect(answer.head, target).toContain("frame-ancestors 'none'");
      expect(answer.head, target).toContain("script-src 'self'");
    }
  });

  it('keep index.html fresh and hashed assets for good; the configuration never cached', async () => {
    expect((await raw('GET', '/')).head).toContain('cache-control: no-cache');
    expect((await raw('GET', '/assets/index-abc123.js')).head).toContain('immutable');
    expect((await raw('GET', '/desk-config.json')).head).toContain('cache-control: no-store');
    expect((await raw('GET', '/assets/nope.js')).head).toContain('cache-control: no-store');
  });

  it('tell the desk where to sign in and where the API is, and nothing more (no secret, no key)', async () => {
    const config = JSON.parse((await raw('GET', '/desk-config.json')).body);
    expect(Object.keys(config).sort()).toEqual(['apiUrl', 'authority', 'clientId']);
  });
});
