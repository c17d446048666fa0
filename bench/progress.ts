const count = (n: number) => Math.round(n).toLocaleString('en');

/**
 * One progress line of a phase: how much of it is done, at what rate, and the time left at that rate
 * ("file, confirm, sign: 1,200 / 2,345 elections (51%), 40 elections/s, ~29 s left").
 */
export function progressLine(state: {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  readonly unit: string;
  readonly seconds: number;
}): string {
  const { phase, done, total, unit, seconds } = state;
  const rate = done / Math.max(seconds, 0.001);
  const share = total > 0 ? Math.floor((done / total) * 100) : 100;
  const left =
    done >= total ? 'done' : rate > 0 ? `~${Math.ceil((total - done) / rate)} s left` : 'rate not known yet';
  // A slow phase (a few elections a second) shows its rate to a tenth, so that it never reads as 0.
  const rateText = rate < 10 ? rate.toFixed(1) : count(rate);
  return `${phase}: ${count(done)} / ${count(total)} ${unit} (${share}%), ${rateText} ${unit}/s, ${left}`;
}

/**
 * Progress of a long phase, printed every `everyMs`, so that a run of many minutes shows it is moving (and how
 * fast) before it ends.
 */
export function progress(label: string, total: number, unit: string, everyMs = 5_000) {
  const started = performance.now();
  let done = 0;
  const print = (extra: string) => {
    const seconds = (performance.now() - started) / 1000;
    console.log(`      ${progressLine({ phase: label, done, total, unit, seconds })}${extra}`);
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
