import { type LatencySummary, latencySummary } from '../percentile.ts';

export interface LoopResult {
  /** Calls completed (errors included). */
  readonly calls: number;
  readonly errors: number;
  readonly seconds: number;
  /** Completed calls a second. */
  readonly perSecond: number;
  readonly latencyMs: LatencySummary;
  /** The first few errors, to say what went wrong. */
  readonly sampleErrors: readonly string[];
}

/**
 * `clients` callers, each sending its next call as soon as the previous one is answered (a closed loop, as
 * clerks at their desks do), until `seconds` have passed or `maxCalls` were started. `call(n)` gets a number
 * unique in the run and answers whether the call succeeded; a thrown error counts as a failed call.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  call: (n: number) => Promise<{ ok: boolean; detail?: string }>,
  maxCalls = Number.POSITIVE_INFINITY,
  onProgress?: (calls: number, elapsedSeconds: number) => void,
): Promise<LoopResult> {
  const latencies: number[] = [];
  const sampleErrors: string[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const deadline = begin + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && started < maxCalls) {
      const n = started++;
      const t = performance.now();
      let outcome: { ok: boolean; detail?: string };
      try {
        outcome = await call(n);
      } catch (error) {
        outcome = {
          ok: false,
          detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        };
      }
      latencies.push(performance.now() - t);
      if (!outcome.ok) {
        errors += 1;
        if (sampleErrors.length < 3) sampleErrors.push(outcome.detail ?? 'failed');
      }
    }
  };
  const timer = onProgress
    ? setInterval(() => onProgress(latencies.length, (performance.now() - begin) / 1000), 5_000)
    : undefined;
  await Promise.all(Array.from({ length: clients }, client));
  clearInterval(timer);
  const elapsed = (performance.now() - begin) / 1000;
  return {
    calls: latencies.length,
    errors,
    seconds: Math.round(elapsed * 1000) / 1000,
    perSecond: Math.round((latencies.length / Math.max(elapsed, 0.001)) * 10) / 10,
    latencyMs: latencySummary(latencies),
    sampleErrors,
  };
}
