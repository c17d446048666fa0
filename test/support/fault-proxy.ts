import { createServer, request, type Server } from 'node:http';

export interface Faults {
  /** Share of requests refused before they reach storage (nothing written). */
  readonly before: number;
  /** Share of requests that reach storage but whose answer is lost (written, the caller sees a failure). */
  readonly after: number;
  /** Longest added delay, in milliseconds. */
  readonly maxDelayMs: number;
}

const INTERNAL_ERROR = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
  message: 'injected by the fault proxy',
});

/** A proxy in front of dynalite that injects DynamoDB's own failures and slowness, from a seeded sequence. */
export async function startFaultProxy(
  target: string,
  faults: Faults,
  seed = 7,
): Promise<{ endpoint: string; injected: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let state = seed >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  let injected = 0;
  const fail = (res: import('node:http').ServerResponse) => {
    injected += 1;
    res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(INTERNAL_ERROR);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const roll = rand();
      const delay = rand() * faults.maxDelayMs;
      if (roll < faults.before) return fail(res);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            if (roll < faults.before + faults.after) return fail(res);
            setTimeout(() => {
              res.writeHead(answer.statusCode ?? 500, answer.headers);
              res.end(Buffer.concat(body));
            }, delay);
          });
        },
      );
      forward.on('error', () => fail(res));
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy not on TCP');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    injected: () => injected,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
