import { Agent, request } from 'node:http';

/** A keep-alive HTTP client for the benchmark: node:http, so long calls (moving the clock) have no timeout. */
export function httpClient(baseUrl: string, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL(baseUrl);
  const send = (
    method: 'GET' | 'POST',
    path: string,
    options: { body?: string | Uint8Array; headers?: Record<string, string> } = {},
    retried = false,
  ): Promise<{ status: number; body: unknown; ms: number }> =>
    new Promise<{ status: number; body: unknown; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: { 'content-type': 'application/json', ...options.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: text === '' ? null : JSON.parse(text),
              ms: performance.now() - started,
            });
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the engine closed as idle (after 5 s) just as this request took it: the request
        // never reached the engine, and goes again once on a new connection (Node's documented remedy).
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') {
          send(method, path, options, true).then(resolve, reject);
          return;
        }
        reject(error);
      });
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  return send;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
