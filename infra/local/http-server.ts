import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { apiRoutes, matchRoute } from '../../functions/api-routes.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';
import { type Language, negotiateLanguage } from '../../shared/domain/language.ts';
import { InstantSchema } from '../../shared/domain/local-date.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { type ErrorResponse, errorResponse, requestError } from '../../shared/http/error-response.ts';
import type { LocalTokens } from './local-tokens.ts';
import type { ExecutionView } from './local-workflows.ts';

export interface ApiServerOptions {
  readonly deps: Dependencies;
  /** The engine's executions, shown on the local-only admin routes. */
  readonly executions?: () => readonly ExecutionView[];
  readonly tokens: LocalTokens;
  /** Present when CLOCK=manual: the local-only call that moves time. */
  readonly moveClock?: (to: string) => Promise<void>;
  readonly maxBodyBytes?: number;
}

const ClockMoveSchema = z.strictObject({ to: InstantSchema });
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}
class BadJson extends Error {}

/** The HTTP API of the local engine: the same route table and handlers as the AWS stack, on node:http. */
export function createApiServer(options: ApiServerOptions): Server {
  const handlers = new Map(apiRoutes.map((route) => [route.operationId, route.createHandler(options.deps)]));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;

  return createServer(async (req, res) => {
    const language = negotiateLanguage(req.headers['accept-language']);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/health') {
        return send(res, 200, {
          status: 'ok',
          now: options.deps.clock.now(),
          clock: options.moveClock ? 'manual' : 'real',
        });
      }
      if (req.method === 'POST' && url.pathname === '/admin/clock' && options.moveClock) {
        const { to } = parseOrThrow(ClockMoveSchema, await readJson(req, maxBodyBytes));
        await options.moveClock(to);
        return send(res, 200, { now: options.deps.clock.now() });
      }
      if (req.method === 'GET' && url.pathname.startsWith('/admin/executions') && options.executions) {
        return send(res, 200, executionsView(options.executions(), url.pathname));
      }
      const matched = matchRoute(req.method ?? 'GET', url.pathname);
      if (matched === null) return sendError(res, requestError(404, 'ROUTE_NOT_FOUND', language));
      const caller = await callerOf(req, options.tokens);
      if (caller.role === 'public' && !matched.route.public) throw new UnauthorizedError();
      const body = req.method === 'POST' ? await readJson(req, maxBodyBytes) : {};
      const handler = handlers.get(matched.route.operationId);
      if (handler === undefined) throw new Error(`no handler for ${matched.route.operationId}`);
      const result = await handler({ caller, params: matched.params, body });
      return send(res, matched.route.successStatus, result);
    } catch (error) {
      return sendError(res, httpError(error, language, maxBodyBytes));
    }
  });
}

/** `/admin/executions`: every execution with its status and state; `/admin/executions/<name>`: with history. */
function executionsView(all: readonly ExecutionView[], path: string) {
  const name = decodeURIComponent(path.slice('/admin/executions/'.length));
  if (path.length > '/admin/executions/'.length) return all.filter((e) => e.name === name);
  return all.map(({ history: _history, ...summary }) => summary);
}

function httpError(error: unknown, language: Language, maxBodyBytes: number): ErrorResponse {
  if (error instanceof BodyTooLarge)
    return requestError(413, 'PAYLOAD_TOO_LARGE', language, { maximumBytes: maxBodyBytes });
  if (error instanceof BadJson) return requestError(400, 'INVALID_JSON', language);
  return errorResponse(error, language);
}

async function callerOf(req: IncomingMessage, tokens: LocalTokens): Promise<Caller> {
  const header = req.headers.authorization;
  if (header === undefined) return { role: 'public' };
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || token === undefined) throw new UnauthorizedError();
  return tokens.verify(token);
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadJson();
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, response: ErrorResponse): void {
  send(res, response.status, response.body);
}
