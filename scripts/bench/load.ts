import autocannon from 'autocannon';
import type { App } from './app';
import { treeCpuMs } from './cpu';

// Load runs with autocannon on loopback. Every response time is recorded (autocannon's own
// histogram has no p95), so p50/p95/p99 are exact over the run.

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU milliseconds per response: the portal's processes, and PostgreSQL's (null: not measured). */
  appCpuMsPerRequest: number | null;
  dbCpuMsPerRequest: number | null;
};

/** Process trees whose CPU time the load runs measure: [app root pid, postmaster pid or null]. */
export type CpuRoots = { app: number | null; db: number | null };
let cpuRoots: CpuRoots = { app: null, db: null };
export function measureCpuOf(roots: CpuRoots): void {
  cpuRoots = roots;
}

function cpuNow(): [number | null, number | null] {
  const [app, db] = treeCpuMs([cpuRoots.app ?? -1, cpuRoots.db ?? -1]);
  return [cpuRoots.app ? app : null, cpuRoots.db ? db : null];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

const round = (n: number) => Math.round(n * 10) / 10;

export async function load(app: App, path: string, cookie: string | null, connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  const cpuBefore = cpuNow();
  const started = performance.now();
  const instance = autocannon({
    url: `${app.baseUrl}${path}`,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
    timeout: 30,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuNow();
  const perRequest = (i: 0 | 1) => {
    const a = cpuBefore[i];
    const b = cpuAfter[i];
    return a === null || b === null || times.length === 0 ? null : round((b - a) / times.length);
  };
  times.sort((a, b) => a - b);
  return {
    connections,
    seconds: round(elapsed),
    requests: times.length,
    rps: round(times.length / Math.max(elapsed, 0.001)),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? NaN),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    appCpuMsPerRequest: perRequest(0),
    dbCpuMsPerRequest: perRequest(1),
  };
}

/** A few sequential requests first, so the run measures a warm server. */
export async function warm(app: App, path: string, cookie: string | null, count = 5): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${app.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    await res.arrayBuffer();
  }
}
