import type { Server } from 'node:http';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { decodeSegment } from '../../functions/api-routes.ts';
import { type ReconcileRequest, ReconcileRequestSchema } from '../../functions/reconcile.ts';
import { createApiDispatch, isPublicRoute, refusalBeforeBody } from '../../functions/support/api-dispatch.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import { idempotencyStore } from '../../functions/support/idempotency.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { AccountIdSchema } from '../../shared/domain/account.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';
import { type Language, negotiateLanguage } from '../../shared/domain/language.ts';
import { InstantSchema } from '../../shared/domain/local-date.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { errorResponse, requestError } from '../../shared/http/error-response.ts';
import { readBody } from '../../shared/http/request-body.ts';
import { API_RESPONSE_HEADERS } from '../../shared/http/response-headers.ts';
import { createDynamoClient } from '../../shared/storage/document-client.ts';
import type { LocalAccountDirectory } from './accounts/local-account-directory.ts';
import { operatorAccountCall } from './accounts/operator-accounts.ts';
import { OIDC_PATH } from './accounts/sign-in-service.ts';
import { LOCAL_UPLOAD_PATH, type LocalObjects } from './local-objects.ts';
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
  readonly stats?: () => Record<string, number | Readonly<Record<string, number>>>;
  /** An operator's repair of one election or case (or of everything): the reconciler, on demand. */
  readonly reconcile?: (request: ReconcileRequest) => Promise<unknown>;
  /** Present when CLOCK=manual: the local-only call that moves time. */
  readonly moveClock?: (to: string) => Promise<void>;
  readonly maxBodyBytes?: number;
  /** Where presigned uploads are kept: the PUTs of the URLs createUpload hands out, as S3 takes them on AWS. */
  readonly uploads?: LocalObjects;
  /** The desk's accounts, which the operator manages on the admin routes (`npm run users`). */
  readonly accounts?: LocalAccountDirectory;
  /** The OpenID provider answering under `/oidc`, once the engine knows its own URL (after listening). */
  readonly signIn?: () => ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  /** The desk's files (`/`, `/assets/*`, `/desk-config.json`), served beside the API. */
  readonly desk?: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;
}

const ClockMoveSchema = z.strictObject({ to: InstantSchema });
/** Lambda's limit for a synchronous request: a body the AWS stack could not take is refused here too. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** The names this machine answers to; anything else is a page elsewhere reaching in (DNS rebinding). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A body refused as too large, of up to this many bytes, is read and thrown away, so that the client, still
 * sending, reads the 413 and its message: a connection closed under a client's writes ends its request with EPIPE
 * or ECONNRESET instead (the "lingering close" of web servers). Anything else refused unread (no token, no such
 * route), a larger body, or one of no declared length costs no more: the connection is closed.
 */
const LINGER_MAX_BYTES = 20 * 1024 * 1024;

function lingerOrClose(req: IncomingMessage, res: ServerResponse, status: number): void {
  const declared = Number(req.headers['content-length'] ?? -1);
  if (status === 413 && declared >= 0 && declared <= LINGER_MAX_BYTES) {
    req.resume();
    return;
  }
  res.setHeader('connection', 'close');
}

/** A request answered before its body was read (or in place of the admin call it named). */
class Refused extends Error {
  readonly response: { readonly status: number; readonly body: unknown };
  /** The body was left unread: the connection cannot carry another request. */
  readonly closeConnection: boolean;
  constructor(response: { readonly status: number; readonly body: unknown }, closeConnection: boolean) {
    super(`refused with ${response.status}`);
    this.response = response;
    this.closeConnection = closeConnection;
  }
}

/**
 * The HTTP API of the local engine: the same dispatch (routes, handlers, idempotency) as the AWS stack, behind
 * what API Gateway would do there: a request is judged by its host, route, token and declared size before a
 * byte of its body is read, and a body must come within Lambda's limit.
 */
export function createApiServer(options: ApiServerOptions): Server {
  const store = idempotencyStore(
    createDynamoClient({ endpoint: options.storage.endpoint }),
    options.storage.tableName,
  );
  const dispatch = createApiDispatch(options.deps, store);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const server = createServer(async (req, res) => {
    const language = negotiateLanguage(req.headers['accept-language']);
    const method = req.method ?? 'GET';
    try {
      if (!LOOPBACK_HOSTS.has(hostnameOf(req.headers.host))) {
        throw new Refused(requestError(403, 'HOST_NOT_ALLOWED', language), true);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = () => (method === 'POST' ? readBytes(req, maxBodyBytes, language) : noBody(req, language));
      const signIn = options.signIn?.();
      if (signIn && (url.pathname === OIDC_PATH || url.pathname.startsWith(`${OIDC_PATH}/`))) {
        return await signIn(req, res);
      }
      if (options.desk?.(req, res, url.pathname)) return;
      if (method === 'PUT' && url.pathname.startsWith(LOCAL_UPLOAD_PATH) && options.uploads) {
        return send(res, 200, await acceptUpload(req, url, options.uploads, language));
      }
      const admin = adminRoute(options, method, url.pathname);
      if (admin !== null) {
        if (url.pathname !== '/health') await requireOperator(req, options.tokens, language);
        return send(res, 200, await admin(await body(), req.headers['content-type'], language));
      }
      // An unknown route is not found whoever asks; a public route takes no token, as a route without an
      // authorizer on API Gateway: what one says is not read.
      const unknown = refusalBeforeBody(
        method,
        url.pathname,
        { role: 'public' },
        req.headers['accept-language'],
      );
      if (unknown?.status === 404) throw new Refused(unknown, true);
      const caller = isPublicRoute(method, url.pathname)
        ? { role: 'public' as const }
        : await callerOf(req, options, language);
      const refused = refusalBeforeBody(method, url.pathname, caller, req.headers['accept-language']);
      if (refused !== null) throw new Refused(refused, true);
      const answer = await dispatch({
        method,
        path: url.pathname,
        query: url.searchParams,
        caller,
        contentType: req.headers['content-type'],
        acceptLanguage: req.headers['accept-language'],
        idempotencyKey: header(req, 'idempotency-key'),
        body: await body(),
      });
      return send(res, answer.status, answer.body);
    } catch (error) {
      if (error instanceof Refused) {
        if (error.closeConnection && !req.complete) lingerOrClose(req, res, error.response.status);
        return send(res, error.response.status, error.response.body);
      }
      const response = errorResponse(error, language);
      return send(res, response.status, response.body);
    }
  });
  // A client that trickles its request holds memory and a socket: it gets a minute to send all of it.
  server.requestTimeout = 60_000;
  return server;
}

/**
 * A PUT to an upload URL, judged as S3 judges a presigned one before a byte of the file is read: signed, not
 * expired, and of the type and exact length it was signed for. No token: the URL is the permission.
 */
async function acceptUpload(
  req: IncomingMessage,
  url: URL,
  uploads: LocalObjects,
  language: Language,
): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? -1);
  const check = uploads.checkUpload(url.pathname, url.searchParams, req.headers['content-type'], declared);
  if (!check.ok) {
    const response =
      check.reason === 'exists'
        ? requestError(412, 'UPLOAD_ALREADY_SENT', language)
        : check.reason === 'signature' || check.reason === 'expired'
          ? requestError(403, 'UPLOAD_URL_INVALID', language)
          : requestError(400, 'UPLOAD_NOT_AS_DECLARED', language, {
              contentType: url.searchParams.get('type') ?? '',
              bytes: url.searchParams.get('bytes') ?? '',
            });
    throw new Refused(response, true);
  }
  const bytes = await readBytes(req, check.bytes, language);
  if (bytes.byteLength !== check.bytes) {
    throw new Refused(requestError(400, 'UPLOAD_NOT_AS_DECLARED', language, { bytes: check.bytes }), false);
  }
  await uploads.put(check.key, bytes, String(req.headers['content-type']).trim());
  return {};
}

type AdminCall = (body: Uint8Array, contentType: string | undefined, language: Language) => Promise<unknown>;

/** The local-only routes: health, stats, executions, accounts, and the manual clock. Null for anything else. */
function adminRoute(options: ApiServerOptions, method: string, path: string): AdminCall | null {
  const { deps } = options;
  if (method === 'GET' && path === '/health') {
    return async () => ({
      status: 'ok',
      now: deps.clock.now(),
      clock: options.moveClock ? 'manual' : 'real',
    });
  }
  if (method === 'GET' && path === '/admin/stats' && options.stats) {
    const stats = options.stats;
    return async () => stats();
  }
  if (method === 'GET' && path === '/admin/executions' && options.executions) {
    const executions = options.executions;
    return async () => executions().map(({ history: _history, ...summary }) => summary);
  }
  if (method === 'GET' && path.startsWith('/admin/executions/') && options.executions) {
    const executions = options.executions;
    return async (_body, _type, language) => {
      const name = decodeSegment(path.slice('/admin/executions/'.length));
      const found = executions().filter((e) => e.name === name);
      if (found.length === 0)
        throw new Refused(requestError(404, 'NOT_FOUND', language, { entity: 'execution' }), false);
      return found;
    };
  }
  const reconcile = options.reconcile;
  if (method === 'POST' && path === '/admin/reconcile' && reconcile) {
    return async (body, contentType, language) =>
      reconcile(parseOrThrow(ReconcileRequestSchema, await adminJson(body, contentType, language)));
  }
  const accountCall = options.accounts && operatorAccountCall(options.accounts, deps.clock, method, path);
  if (accountCall) {
    return async (body, contentType, language) =>
      accountCall(method === 'POST' ? await adminJson(body, contentType, language) : null);
  }
  const move = options.moveClock;
  if (method === 'POST' && path === '/admin/clock' && move) {
    return async (body, contentType, language) => {
      const { to } = parseOrThrow(ClockMoveSchema, await adminJson(body, contentType, language));
      await move(to);
      return { now: deps.clock.now() };
    };
  }
  return null;
}

/** An admin call's JSON body. Only application/json: a web page can send a "simple" cross-origin POST as text/plain, never as JSON. */
async function adminJson(
  body: Uint8Array,
  contentType: string | undefined,
  language: Language,
): Promise<unknown> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new Refused(requestError(415, 'UNSUPPORTED_MEDIA_TYPE', language), false);
  const read = await readBody(contentType, body, { rows: false });
  return read.kind === 'json' ? read.value : null;
}

/** Routes that take no body: one sent anyway is refused unread, so it cannot cost memory. */
function noBody(req: IncomingMessage, language: Language): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > 0 || req.headers['transfer-encoding'] !== undefined) {
    return Promise.reject(
      new Refused(requestError(413, 'PAYLOAD_TOO_LARGE', language, { maximumBytes: 0 }), true),
    );
  }
  return Promise.resolve(new Uint8Array());
}

/** Every admin route but /health (which says only that the engine runs, and its time) needs an operator. */
async function requireOperator(req: IncomingMessage, tokens: LocalTokens, language: Language): Promise<void> {
  const token = bearerToken(req);
  try {
    if (token === null) throw new UnauthorizedError();
    await tokens.verifyOperator(token);
  } catch {
    throw new Refused(requestError(401, 'OPERATOR_TOKEN_REQUIRED', language), true);
  }
}

/** The host a request is addressed to, as DNS compares names: case-insensitive, without a trailing dot. */
function hostnameOf(host: string | undefined): string {
  if (host === undefined) return '';
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return name.toLowerCase().replace(/\.$/, '');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerToken(req: IncomingMessage): string | null {
  const authorization = header(req, 'authorization');
  if (authorization === undefined) return null;
  // As API Gateway reads it: the scheme in any case, then exactly one token.
  const parts = authorization.trim().split(/\s+/);
  return parts.length === 2 && parts[0]?.toLowerCase() === 'bearer' ? (parts[1] ?? '') : '';
}

/**
 * The caller a bearer token names. A desk account's token is refused as soon as the account is disabled, not
 * only when the token expires (Cognito's way: up to an hour later).
 */
async function callerOf(
  req: IncomingMessage,
  { tokens, accounts }: Pick<ApiServerOptions, 'tokens' | 'accounts'>,
  language: Language,
): Promise<Caller> {
  const token = bearerToken(req);
  if (token === null) return { role: 'public' };
  try {
    const caller = await tokens.verify(token);
    if (caller.role !== 'public' && accounts !== undefined && isAccountId(caller.subject)) {
      const account = await accounts.find(caller.subject);
      if (account === null || account.disabled) throw new UnauthorizedError();
    }
    return caller;
  } catch (error) {
    throw new Refused(errorResponse(error, language), true);
  }
}

const isAccountId = (subject: string) => AccountIdSchema.safeParse(subject).success;

/** The body's bytes, refused as soon as its declared or actual size passes the limit. */
async function readBytes(req: IncomingMessage, maxBytes: number, language: Language): Promise<Uint8Array> {
  const tooLarge = () =>
    new Refused(requestError(413, 'PAYLOAD_TOO_LARGE', language, { maximumBytes: maxBytes }), true);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_RESPONSE_HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
