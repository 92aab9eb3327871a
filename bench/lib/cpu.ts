/**
 * How much of the machine other processes used while we measured (from /proc): a benchmark on a shared
 * 2-core machine is only as good as its quiet, so every measurement reports it.
 */
import fs from 'node:fs';

export interface CpuSample {
  total: number;
  busy: number;
  ours: number;
}

/** CPU ticks of a process and of its children that have exited (PostgreSQL backends end, their time stays counted). */
function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after "(comm)": state is field 3; utime, stime, cutime and cstime are fields 14 to 17
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
}

export function cpuSample(pids: number[]): CpuSample | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { total, busy: total - idle - iowait, ours: pids.reduce((sum, pid) => sum + processTicks(pid), 0) };
  } catch {
    return null;
  }
}

/** Share (0…1) of all CPUs that other processes kept busy between two samples. */
export function otherCpuShare(a: CpuSample | null, b: CpuSample | null): number | null {
  if (!a || !b || b.total <= a.total) return null;
  return Math.min(1, Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / (b.total - a.total)));
}

/** Process ids whose command name is `name` (the PostgreSQL server works for us too). */
export function pidsNamed(name: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
