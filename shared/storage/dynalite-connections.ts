import { createConnection, type Socket } from 'node:net';

/** An answer of dynalite: its status, its headers (names in lower case), and its body. */
export interface DynaliteAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

const HEADER_END = Buffer.from('\r\n\r\n');
/** As many connections as the SDK's own handler keeps (its agent's maxSockets); more requests wait. */
const MAX_CONNECTIONS = 50;

/**
 * A connection closed or failed under a request. Its `code` is one the SDK's retry strategy takes for a
 * transient fault (ECONNRESET, EPIPE…: @smithy/core's NODEJS_TIMEOUT_ERROR_CODES), so the SDK tries again.
 */
export class ConnectionLost extends Error {
  override readonly name = 'ConnectionLost';
  readonly code: string;
  constructor(code: string) {
    super(`the connection to the storage process was lost (${code})`);
    this.code = code;
  }
}

/** A request given up by its caller (an abort signal): named as the SDK names it, so it is not tried again. */
export class RequestAborted extends Error {
  override readonly name = 'AbortError';
  constructor(reason?: unknown) {
    super('the request to the storage process was aborted', { cause: reason });
  }
}

/** Head and body in one write, one system call a request, as node:http sends a small request. */
function oneWrite(head: string, body: string | Uint8Array | undefined): string | Buffer {
  if (body === undefined) return head;
  if (typeof body === 'string') return head + body;
  const headBytes = Buffer.byteLength(head);
  const request = Buffer.allocUnsafe(headBytes + body.byteLength);
  request.write(head, 0, headBytes);
  request.set(body, headBytes);
  return request;
}

interface Pending {
  resolve(answer: DynaliteAnswer): void;
  reject(error: Error): void;
}

/** One kept-alive connection carrying one request at a time. */
class Connection {
  readonly socket: Socket;
  #received: Buffer[] = [];
  #size = 0;
  /** The answer's head once read: where its body starts and how long the whole answer is. */
  #head: { status: number; headers: Record<string, string>; bodyStart: number; total: number } | null = null;
  #pending: Pending | null = null;
  closed = false;

  constructor(socketPath: string, onClose: (connection: Connection) => void) {
    this.socket = createConnection(socketPath);
    this.socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    const lost = (code: string) => {
      if (!this.closed) onClose(this);
      this.closed = true;
      this.#settle()?.reject(new ConnectionLost(code));
    };
    this.socket.on('error', (error: NodeJS.ErrnoException) => lost(error.code ?? 'ECONNRESET'));
    // dynalite ends a connection idle for 5 seconds: it is not taken again from then on.
    this.socket.on('end', () => lost('ECONNRESET'));
    this.socket.on('close', () => lost('ECONNRESET'));
  }

  /** Writes the request (head and body at once) and answers dynalite's answer to it. */
  send(
    head: string,
    body: string | Uint8Array | undefined,
    signal: AbortSignal | undefined,
  ): Promise<DynaliteAnswer> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new ConnectionLost('ECONNRESET'));
        return;
      }
      if (signal?.aborted) {
        reject(new RequestAborted(signal.reason));
        return;
      }
      const onAbort = () => {
        // Its answer may still come: the connection is out of step, so it goes.
        this.#settle()?.reject(new RequestAborted(signal?.reason));
        this.socket.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending = {
        resolve: (answer) => {
          done();
          resolve(answer);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      this.socket.write(oneWrite(head, body));
    });
  }

  /** Takes the request waiting for its answer, if any: it is settled once. */
  #settle(): Pending | null {
    const pending = this.#pending;
    this.#pending = null;
    return pending;
  }

  /** Collects the answer: its head up to the blank line, then as many bytes as its Content-Length says. */
  #receive(chunk: Buffer): void {
    try {
      this.#collect(chunk);
    } catch (error) {
      this.socket.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #collect(chunk: Buffer): void {
    this.#received.push(chunk);
    this.#size += chunk.length;
    if (this.#head === null) {
      const data = this.#received.length === 1 ? chunk : Buffer.concat(this.#received, this.#size);
      this.#received = [data];
      const headEnd = data.indexOf(HEADER_END);
      if (headEnd < 0) return;
      const lines = data.subarray(0, headEnd).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (let n = 1; n < lines.length; n += 1) {
        const line = lines[n] ?? '';
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? Number.NaN);
      if (!Number.isSafeInteger(length)) {
        this.socket.destroy(new Error('an answer without Content-Length'));
        return;
      }
      const bodyStart = headEnd + HEADER_END.length;
      this.#head = {
        status: Number((lines[0] ?? '').slice(9, 12)),
        headers,
        bodyStart,
        total: bodyStart + length,
      };
    }
    const head = this.#head;
    if (this.#size < head.total) return;
    const data = this.#received.length === 1 ? this.#received[0] : Buffer.concat(this.#received, this.#size);
    this.#received = [];
    this.#size = 0;
    this.#head = null;
    const pending = this.#settle();
    if (data === undefined || data.length > head.total || pending === null) {
      // Nothing is sent unasked: bytes beyond the answer mean the connection is out of step.
      this.socket.destroy(new Error('bytes beyond the answer'));
      pending?.reject(new ConnectionLost('EPROTO'));
      return;
    }
    pending.resolve({
      status: head.status,
      headers: head.headers,
      body: data.subarray(head.bodyStart, head.total),
    });
  }
}

/**
 * HTTP/1.1 to dynalite over its Unix socket, each request written at once (head and body) on a connection kept
 * alive for the next: what node:http's client does for these requests, without its generality (a quarter of the
 * engine's CPU in a national cycle went to node:http's own work around the socket writes). dynalite answers
 * every request with a Content-Length, and nothing else.
 */
export class DynaliteConnections {
  readonly #socketPath: string;
  readonly #idle: Connection[] = [];
  /** Requests waiting for a connection while MAX_CONNECTIONS are busy. */
  readonly #waiting: ((connection: Connection) => void)[] = [];
  #open = 0;
  #closed = false;

  constructor(socketPath: string) {
    this.#socketPath = socketPath;
  }

  /** Sends a request whose head (request line and headers, up to the blank line) is `head`. */
  async send(
    head: string,
    body: string | Uint8Array | undefined,
    signal?: AbortSignal,
  ): Promise<DynaliteAnswer> {
    const connection = await this.#take();
    try {
      return await connection.send(head, body, signal);
    } finally {
      this.#give(connection);
    }
  }

  /** Closes every idle connection (those in use close as their answers come). */
  close(): void {
    this.#closed = true;
    for (const connection of this.#idle.splice(0)) connection.socket.destroy();
  }

  #take(): Promise<Connection> {
    for (let connection = this.#idle.pop(); connection !== undefined; connection = this.#idle.pop()) {
      if (!connection.closed) return Promise.resolve(connection);
    }
    if (this.#open < MAX_CONNECTIONS) {
      this.#open += 1;
      return Promise.resolve(
        new Connection(this.#socketPath, (closed) => {
          this.#open -= 1;
          const at = this.#idle.indexOf(closed);
          if (at >= 0) this.#idle.splice(at, 1);
          // A place freed: the first waiting request opens a connection of its own.
          const next = this.#waiting.shift();
          if (next !== undefined) void this.#take().then(next);
        }),
      );
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #give(connection: Connection): void {
    if (connection.closed) return;
    if (this.#closed && this.#waiting.length === 0) {
      connection.socket.destroy();
      return;
    }
    const next = this.#waiting.shift();
    if (next !== undefined) next(connection);
    else this.#idle.push(connection);
  }
}
