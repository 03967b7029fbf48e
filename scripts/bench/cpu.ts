// CPU time each part of the runtime benchmark spent in a phase (Linux /proc; elsewhere nothing
// is shown). On a shared 2-core machine wall-clock rates swing with the neighbours' load, but
// CPU milliseconds per event of each process barely do: they show what an event costs where,
// and whether a phase had CPU to spare.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export type CpuParts = Record<'driver' | 'workers' | 'postgres' | 'redis', number>;

export interface CpuSample {
  at: number;
  /** CPU milliseconds used so far, by part. */
  parts: CpuParts;
}

/** utime + stime of a process in milliseconds, and its command name; undefined once it is gone. */
function processCpu(pid: number): { name: string; ms: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the numeric fields follow the last ')'.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // Fields 14 and 15 of stat(5) (utime, stime) are 12 and 13 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { name, ms: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  try {
    return readdirSync('/proc').flatMap((entry) => (/^\d+$/.test(entry) ? [Number(entry)] : []));
  } catch {
    return [];
  }
}

/** CPU used so far by this process, the given workers, and every postgres and redis-server process. */
export function sampleCpu(workerPids: readonly number[]): CpuSample | undefined {
  const driver = processCpu(process.pid);
  if (!driver) return undefined;
  const parts: CpuParts = { driver: driver.ms, workers: 0, postgres: 0, redis: 0 };
  for (const pid of workerPids) parts.workers += processCpu(pid)?.ms ?? 0;
  for (const pid of allPids()) {
    const cpu = processCpu(pid);
    if (cpu?.name === 'postgres') parts.postgres += cpu.ms;
    else if (cpu?.name === 'redis-server') parts.redis += cpu.ms;
  }
  return { at: performance.now(), parts };
}

/** `driver 0.41  workers 1.20 …` ms of CPU per event between two samples, and the share of 2 cores used. */
export function cpuPerEvent(before: CpuSample | undefined, after: CpuSample | undefined, events: number, cores: number): string {
  if (!before || !after || events === 0) return '';
  const names = Object.keys(before.parts) as (keyof CpuParts)[];
  const used = names.map((name) => [name, after.parts[name] - before.parts[name]] as const);
  const total = used.reduce((sum, [, ms]) => sum + ms, 0);
  const busy = total / (after.at - before.at) / cores;
  const each = used.map(([name, ms]) => `${name} ${(ms / events).toFixed(2)}`).join('  ');
  return `CPU ms/event: ${each}  total ${(total / events).toFixed(2)}  (${(busy * 100).toFixed(0)}% of ${cores} cores)`;
}
