import type { Server } from 'node:http';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { createApiDispatch } from '../../functions/support/api-dispatch.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import { idempotencyStore } from '../../functions/support/idempotency.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';
import { negotiateLanguage } from '../../shared/domain/language.ts';
import { InstantSchema } from '../../shared/domain/local-date.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { errorResponse, requestError } from '../../shared/http/error-response.ts';
import { readBody } from '../../shared/http/request-body.ts';
import { createDynamoClient } from '../../shared/storage/document-client.ts';
import type { LocalTokens } from './local-tokens.ts';
import type { ExecutionView } from './local-workflows.ts';

export interface ApiServerOptions {
  readonly deps: Dependencies;
  readonly tokens: LocalTokens;
  /** Where the table is, for the idempotency records. */
  readonly storage: { readonly endpoint: string; readonly tableName: string };
  /** The engine's executions, shown on the local-only admin routes. */
  readonly executions?: () => readonly ExecutionView[];
  /** Counters of the engine process, shown on /admin/stats. */
  readonly stats?: () => Record<string, number>;
  /** Present when CLOCK=manual: the local-only call that moves time. */
  readonly moveClock?: (to: string) => Promise<void>;
  readonly maxBodyBytes?: number;
}

const ClockMoveSchema = z.strictObject({ to: InstantSchema });
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}

/** The HTTP API of the local engine: the same dispatch (routes, handlers, idempotency) as the AWS stack. */
export function createApiServer(options: ApiServerOptions): Server {
  const store = idempotencyStore(
    createDynamoClient({ endpoint: options.storage.endpoint }),
    options.storage.tableName,
  );
  const dispatch = createApiDispatch(options.deps, store);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;

  return createServer(async (req, res) => {
    const language = negotiateLanguage(req.headers['accept-language']);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const bodyText = await readText(req, maxBodyBytes);
      const admin = adminRoute(
        options,
        req.method ?? 'GET',
        url.pathname,
        bodyText,
        req.headers['content-type'],
      );
      if (admin !== null) return send(res, 200, await admin);
      const answer = await dispatch({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        caller: await callerOf(req, options.tokens),
        contentType: req.headers['content-type'],
        acceptLanguage: req.headers['accept-language'],
        idempotencyKey: header(req, 'idempotency-key'),
        bodyText,
      });
      return send(res, answer.status, answer.body);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body was never read: this connection cannot carry another request.
        res.setHeader('connection', 'close');
        const response = requestError(413, 'PAYLOAD_TOO_LARGE', language, { maximumBytes: maxBodyBytes });
        return send(res, response.status, response.body);
      }
      const response = errorResponse(error, language);
      return send(res, response.status, response.body);
    }
  });
}

/** The local-only routes: health, executions, and the manual clock. Null for anything else. */
function adminRoute(
  options: ApiServerOptions,
  method: string,
  path: string,
  bodyText: string,
  contentType: string | undefined,
): Promise<unknown> | null {
  const { deps } = options;
  if (method === 'GET' && path === '/health') {
    return Promise.resolve({
      status: 'ok',
      now: deps.clock.now(),
      clock: options.moveClock ? 'manual' : 'real',
    });
  }
  if (method === 'GET' && path === '/admin/stats' && options.stats) return Promise.resolve(options.stats());
  if (method === 'GET' && path.startsWith('/admin/executions') && options.executions) {
    const all = options.executions();
    const name = decodeURIComponent(path.slice('/admin/executions/'.length));
    return Promise.resolve(
      name === ''
        ? all.map(({ history: _history, ...summary }) => summary)
        : all.filter((e) => e.name === name),
    );
  }
  const move = options.moveClock;
  if (method === 'POST' && path === '/admin/clock' && move) {
    return (async () => {
      const body = readBody(contentType, bodyText);
      const { to } = parseOrThrow(ClockMoveSchema, body.kind === 'json' ? body.value : null);
      await move(to);
      return { now: deps.clock.now() };
    })();
  }
  return null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function callerOf(req: IncomingMessage, tokens: LocalTokens): Promise<Caller> {
  const authorization = header(req, 'authorization');
  if (authorization === undefined) return { role: 'public' };
  const [scheme, token] = authorization.split(' ');
  if (scheme !== 'Bearer' || token === undefined) throw new UnauthorizedError();
  return tokens.verify(token);
}

async function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
