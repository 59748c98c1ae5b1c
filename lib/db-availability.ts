// Whether this process can reach its database, as last seen (docs/decisions/011-database-outage.md).
//
// The data layer (db/index.ts) reports what it sees: a connection-class failure (server stopped,
// connection refused or cut, too many clients, a timeout) marks the database down and starts a
// probe that pings it every second until it answers; the pool then reconnects by itself. While it
// is down, proxy.ts answers every page and action with the friendly 503 page instead of letting
// renders fail with 500s. No imports: proxy.ts reads this without loading a database driver. The
// state lives on globalThis, which the proxy and the renders of one `next start` process share.

export const PROBE_INTERVAL_MS = 1000;

/** Set by proxy.ts on every request it lets through: the path and query, for lib/outage.ts. */
export const REQUEST_PATH_HEADER = 'x-portal-request-path';

type State = {
  down: boolean;
  since: number;
  lastError: string | null;
  /** Registered by db/index.ts: one round trip to the database. */
  probe?: () => Promise<void>;
  timer?: ReturnType<typeof setInterval>;
};

const store = globalThis as unknown as { __portalDbAvailability?: State };

function state(): State {
  store.__portalDbAvailability ??= { down: false, since: 0, lastError: null };
  return store.__portalDbAvailability;
}

/** True while the database is known to be unreachable (until a probe or a query succeeds). */
export function databaseDown(): boolean {
  return state().down;
}

// Node's socket errors, and PostgreSQL's SQLSTATEs of a server that is shutting down, starting,
// refusing connections or out of connection slots.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const SQLSTATE_CLASSES = ['08', '57P', '53300'];
const MESSAGES = /connection terminated|connection timeout|timeout exceeded when trying to connect|server closed the connection|the database system is (shutting down|starting up)|client has encountered a connection error|cannot use a pool after calling end/i;

/** A failure to reach the database (not a failing statement): walks the error's cause chain. */
export function isConnectionError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE_CLASSES.some((c) => code.startsWith(c)))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/** The data layer saw the database fail: down when it is a connection failure. */
export function noteDatabaseError(error: unknown): void {
  if (!isConnectionError(error)) return;
  const s = state();
  s.lastError = error instanceof Error ? error.message : String(error);
  if (s.down) return;
  s.down = true;
  s.since = Date.now();
  console.error(`[db] database unreachable (${s.lastError}); answering 503 until it is back`);
  startProbe(s);
}

/** The database answered. */
export function noteDatabaseOk(): void {
  const s = state();
  if (!s.down) return;
  s.down = false;
  if (s.timer) clearInterval(s.timer);
  s.timer = undefined;
  console.info(`[db] database reachable again after ${((Date.now() - s.since) / 1000).toFixed(1)} s`);
}

/** db/index.ts registers how to ping the database. */
export function registerDatabaseProbe(probe: () => Promise<void>): void {
  state().probe = probe;
}

function startProbe(s: State): void {
  if (s.timer || !s.probe) return;
  let running = false;
  s.timer = setInterval(() => {
    if (running || !s.probe) return;
    running = true;
    s.probe()
      .then(noteDatabaseOk, noteDatabaseError)
      .finally(() => {
        running = false;
      });
  }, PROBE_INTERVAL_MS);
  s.timer.unref?.();
}
