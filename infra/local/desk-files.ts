import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { DeskConfig } from '../../shared/desk-config.ts';
import { deskSecurityHeaders } from '../../shared/http/desk-security-headers.ts';

/** The types of what Vite writes into web/dist/assets. */
const contentTypes: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json; charset=utf-8',
};

/** A hashed asset's name: one path segment, no way up or sideways, short enough for any file system. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}\.([a-z0-9]{1,8})$/;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The desk's security headers locally: the same policy as CloudFront's (shared/http/desk-security-headers.ts), its
 * scripts connecting to the API and the OpenID provider it is configured with, and sent on to the latter's sign-in.
 */
export function localDeskSecurityHeaders(config: DeskConfig): Record<string, string> {
  const origins = (urls: readonly string[]) =>
    urls.map(originOf).filter((origin): origin is string => origin !== null);
  return deskSecurityHeaders({
    connect: origins([config.apiUrl, config.authority]),
    forms: origins([config.authority]),
  });
}

export interface DeskFilesOptions {
  /** web/dist: Vite's output. */
  readonly distDir: string;
  /** What /desk-config.json says; asked on each request, since the engine knows its URL only once it listens. */
  readonly config: () => DeskConfig;
}

/**
 * The desk as the engine serves it beside the API: `/` (index.html, always revalidated), `/assets/*` (hashed by
 * content, cached for good) and `/desk-config.json`. Answers true when the request was the desk's.
 */
export function createDeskFiles(options: DeskFilesOptions) {
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const config = options.config();
    const send = (status: number, type: string, body: string | Buffer, cache: string) => {
      res.writeHead(status, {
        ...localDeskSecurityHeaders(config),
        'content-type': type,
        'content-length': Buffer.byteLength(body),
        'cache-control': cache,
      });
      res.end(method === 'HEAD' ? undefined : body);
      return true;
    };
    if (pathname === '/desk-config.json') {
      return send(200, contentTypes.json ?? '', JSON.stringify(config), 'no-store');
    }
    if (pathname === '/' || pathname === '/index.html') {
      const index = join(options.distDir, 'index.html');
      if (!existsSync(index)) {
        return send(
          503,
          'text/plain; charset=utf-8',
          'The desk is not built: run `npm run desk` (npm start builds it), then reload.\n',
          'no-store',
        );
      }
      return send(200, 'text/html; charset=utf-8', readFileSync(index), 'no-cache');
    }
    if (pathname.startsWith('/assets/')) {
      const name = pathname.slice('/assets/'.length);
      const match = ASSET_NAME.exec(name);
      const type = match?.[1] === undefined ? undefined : contentTypes[match[1]];
      const file = join(options.distDir, 'assets', name);
      // A folder of that name is no asset either (reading it would fail the request).
      if (
        match === null ||
        type === undefined ||
        statSync(file, { throwIfNoEntry: false })?.isFile() !== true
      ) {
        return send(404, 'text/plain; charset=utf-8', 'Not found\n', 'no-store');
      }
      return send(200, type, readFileSync(file), 'public, max-age=31536000, immutable');
    }
    return false;
  };
}
