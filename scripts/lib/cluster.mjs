// `npm start` runs one `next start` per core (docs/decisions/015-one-server-per-core.md).
// node:cluster forks the workers; each one's listen() on the port goes through the primary, which
// hands the connections out in turn, so the workers share one port with no proxy in front.
import cluster from 'node:cluster';
import os from 'node:os';
import { webConcurrencySchema } from '../../lib/validation/web-concurrency.mjs';

const emptyToUndefined = (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * Embedded PGlite: as db/index.ts picks it (no DATABASE_URL, or DATABASE_DRIVER=pglite).
 * @param {Record<string, string | undefined>} env
 */
function usesPglite(env) {
  const driver = emptyToUndefined(env.DATABASE_DRIVER);
  return driver === 'pglite' || (!emptyToUndefined(env.DATABASE_URL) && driver === undefined);
}

/**
 * How many servers to start: WEB_CONCURRENCY, else one per core. Always one on PGlite, whose
 * folder only one process may open; asking for more there is an error, not a silent downgrade.
 * @param {Record<string, string | undefined>} env
 * @param {number} [cores]
 * @returns {{ ok: true, workers: number, why: string } | { ok: false, error: string }}
 */
export function workerCount(env, cores = os.availableParallelism()) {
  const parsed = webConcurrencySchema.safeParse(env.WEB_CONCURRENCY);
  if (!parsed.success) return { ok: false, error: `WEB_CONCURRENCY: ${parsed.error.issues[0].message}` };
  const pglite = usesPglite(env);
  if (parsed.data !== undefined) {
    if (pglite && parsed.data > 1) {
      return {
        ok: false,
        error: `WEB_CONCURRENCY=${parsed.data}: the embedded PGlite database can be opened by one process only; set DATABASE_URL to a PostgreSQL server, or WEB_CONCURRENCY=1`,
      };
    }
    return { ok: true, workers: parsed.data, why: 'WEB_CONCURRENCY' };
  }
  if (pglite) return { ok: true, workers: 1, why: 'embedded PGlite: one process' };
  return { ok: true, workers: cores, why: `one per core (${cores})` };
}

/**
 * Runs `exec args…` in `workers` cluster workers until SIGINT or SIGTERM, which are passed on.
 * A worker that exits after it started listening is replaced; one that exits before (a taken
 * port, a bad environment) stops the others, so a broken start-up ends instead of looping.
 * Resolves with the exit code for the launcher.
 * @param {{ exec: string, args: string[], workers: number, log?: (line: string) => void, stopTimeoutMs?: number }} options
 * @returns {Promise<number>}
 */
export function runCluster({ exec, args, workers, log = console.log, stopTimeoutMs = 10_000 }) {
  return new Promise((resolve) => {
    cluster.setupPrimary({ exec, args });
    const listening = new Set();
    let stopping = false;
    let exitCode = 0;

    const stop = (code, why) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      if (why) log(why);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => {
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      }, stopTimeoutMs).unref();
    };

    const fork = () => {
      const worker = cluster.fork();
      worker.on('listening', () => listening.add(worker.id));
    };

    cluster.on('exit', (worker, code, signal) => {
      const started = listening.delete(worker.id);
      if (!stopping) {
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (started) {
          log(`server ${worker.process.pid} exited (${how}); starting another`);
          fork();
        } else {
          stop(1, `server ${worker.process.pid} exited (${how}) before it was ready; stopping`);
        }
      }
      if (stopping && Object.keys(cluster.workers ?? {}).length === 0) resolve(exitCode);
    });

    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0, `${signal}: stopping ${workers} server(s)`));
    for (let i = 0; i < workers; i++) fork();
  });
}
