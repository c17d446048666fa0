import type { HttpHandler } from '@smithy/core/protocols';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, QueryParameterBag } from '@smithy/types';
import { DynaliteConnections } from './dynalite-connections.ts';

/** The query string of a request, encoded as the SDK's own handler encodes it (none in DynamoDB's requests). */
function queryString(query: QueryParameterBag | undefined): string {
  if (query === undefined) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const key = encodeURIComponent(name);
    if (value === null) parts.push(key);
    else
      for (const one of Array.isArray(value) ? value : [value])
        parts.push(`${key}=${encodeURIComponent(one)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/**
 * The transport of the SDK's DynamoDB client to the local engine's storage process (dynalite on a Unix
 * socket), given to the client as its `requestHandler`: the SDK still builds, signs (unsigned locally, see
 * shared/storage/document-client.ts), retries and reads every request; only the bytes go over kept-alive
 * connections of our own (dynalite-connections.ts) instead of node:http, whose own work around the socket was
 * a quarter of the engine's CPU in a national cycle. A lost connection fails with a code the SDK's retry
 * strategy tries again (ECONNRESET…); an aborted request with an AbortError, which it does not.
 */
export class DynaliteHttpHandler implements HttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  readonly #connections: DynaliteConnections;

  /** `socketPath` as this process can reach it (`reachableSocketPath`). */
  constructor(socketPath: string) {
    this.#connections = new DynaliteConnections(socketPath);
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const body: unknown = request.body;
    if (body != null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      // DynamoDB's requests are JSON in memory; nothing here streams.
      throw new TypeError('a request body that is not in memory is not sent to the storage process');
    }
    let head = `${request.method} ${request.path}${queryString(request.query)} HTTP/1.1\r\n`;
    let length = false;
    for (const [name, value] of Object.entries(request.headers)) {
      head += `${name}: ${value}\r\n`;
      if (name.length === 14 && name.toLowerCase() === 'content-length') length = true;
    }
    if (!length && body != null) {
      head += `content-length: ${typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength}\r\n`;
    }
    const answer = await this.#connections.send(
      `${head}\r\n`,
      body ?? undefined,
      options.abortSignal as AbortSignal | undefined,
    );
    // A Uint8Array body is what the SDK's deserialisers collect without a stream (collectBody).
    return { response: { statusCode: answer.status, headers: answer.headers, body: answer.body } };
  }

  /** The SDK's settings for node:http (agents, timeouts, its logger) mean nothing to these connections. */
  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    this.#connections.close();
  }
}
