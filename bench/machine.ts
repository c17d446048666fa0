import { cpus, loadavg, release, totalmem } from 'node:os';

/** What a result was measured on: figures from different machines (or days) compare only by their floors. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  /**
   * The load average over the minute before the run: above the number of cores, other work shared them, and the
   * figures (not their ratios to the floors of the same run) are slower than the machine is.
   */
  readonly loadAverageAtStart: number;
}

export function thisMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

export function machineText(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; load average ${m.loadAverageAtStart} at the start`;
}
