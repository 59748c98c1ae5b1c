import fs from 'node:fs';

// CPU time of process trees, from /proc (Linux). On a shared machine wall-clock latency depends
// on what else runs; the CPU the portal and PostgreSQL spend per request does not, so the bench
// reports both, and the request rate two idle cores could sustain from the latter.

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Proc = { pid: number; ppid: number; cpuMs: number };

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces: the fields after it follow the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      // utime, stime, and cutime, cstime: the CPU of children already reaped. Without the latter a
      // PostgreSQL backend that exits mid-run (an idle pool client closed) takes its CPU out of
      // the tree's total and the difference can go negative.
      const ticks = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
      out.push({ pid: Number(entry), ppid, cpuMs: ticks * TICK_MS });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU milliseconds used so far by each root's process tree (the root included). */
export function treeCpuMs(roots: number[]): number[] {
  const procs = readProcs();
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  return roots.map((root) => {
    let total = 0;
    const stack = [root];
    const seen = new Set<number>();
    while (stack.length) {
      const pid = stack.pop()!;
      if (seen.has(pid)) continue;
      seen.add(pid);
      total += byPid.get(pid)?.cpuMs ?? 0;
      for (const c of children.get(pid) ?? []) stack.push(c.pid);
    }
    return total;
  });
}

/** The postmaster's pid of a data folder (first line of postmaster.pid), or null. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export const canMeasureCpu = () => process.platform === 'linux' && fs.existsSync('/proc/self/stat');
