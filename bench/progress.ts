/**
 * Progress of a long phase, printed every `everyMs`: how much is done, the rate, and the time left at that
 * rate, so that a run of many minutes shows it is moving (and how fast) before it ends.
 */
export function progress(label: string, total: number, unit: string, everyMs = 5_000) {
  const started = performance.now();
  let done = 0;
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  const print = (extra: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    console.log(
      `      ${label}: ${fmt(done)} / ${fmt(total)} ${unit}, ${fmt(rate)} ${unit}/s, ${Number.isFinite(left) ? `~${Math.ceil(left)} s left` : '…'}${extra}`,
    );
  };
  let extra = () => '';
  const timer = setInterval(() => print(extra()), everyMs);
  timer.unref();
  return {
    add(n: number) {
      done += n;
    },
    /** What else each line shows (the memory of the processes, say). */
    also(more: () => string) {
      extra = more;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
