import { readFileSync } from 'node:fs';

/** A process's resident memory now (VmRSS) from Linux /proc, in bytes; 0 where it cannot be read. */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Clock ticks a second in /proc/<pid>/stat: 100 on Linux wherever Node runs (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** The CPU time a process has used so far (user and system), in seconds, from Linux /proc; 0 where unreadable. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The child of `pid` whose command line names `script` (Linux /proc), or null. */
export function childRunning(pid: number, script: string): number | null {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    for (const child of children.map(Number).filter((n) => n > 0)) {
      if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(script)) return child;
    }
  } catch {}
  return null;
}

/**
 * Samples the resident memory of named processes every `everyMs`, keeping each one's peak per phase: the
 * engine's /admin/stats gives only the high-water mark of the whole run, which cannot say which phase set it.
 */
export function rssSampler(processes: Readonly<Record<string, number>>, everyMs = 200) {
  const peaks = new Map<string, Record<string, number>>();
  let phase = 'start';
  const sample = () => {
    const peak = peaks.get(phase) ?? {};
    for (const [name, pid] of Object.entries(processes)) peak[name] = Math.max(peak[name] ?? 0, rssOf(pid));
    peaks.set(phase, peak);
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    /** Samples from now on count for `name`. */
    enter(name: string) {
      sample();
      phase = name;
      sample();
    },
    /** The latest sample of `name`, in bytes. */
    now: (name: string) => (processes[name] === undefined ? 0 : rssOf(processes[name])),
    /** Each phase's peak per process, in MiB. */
    stop(): Record<string, Record<string, number>> {
      sample();
      clearInterval(timer);
      return Object.fromEntries(
        [...peaks].map(([name, peak]) => [
          name,
          Object.fromEntries(Object.entries(peak).map(([p, bytes]) => [p, Math.round(bytes / 2 ** 20)])),
        ]),
      );
    },
  };
}
