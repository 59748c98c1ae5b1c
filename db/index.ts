import fs from 'node:fs';
import { openPglite } from '@/db/pglite';
import { Pool as NeonPool, neonConfig, type PoolClient as NeonPoolClient } from '@neondatabase/serverless';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import ws from 'ws';
import { noteDatabaseError, noteDatabaseOk, registerDatabaseProbe } from '@/lib/db-availability';
import { envSchema } from '@/lib/env';
import * as schema from './schema';

// One `db` for three drivers (docs/decisions/001-database-drivers.md):
//   DATABASE_URL unset            → PGlite in PGLITE_DIR (default .data/pglite; `memory://` for tests)
//   postgres://… (ordinary server) → node-postgres Pool
//   *.neon.tech or DATABASE_DRIVER=neon → neon-serverless Pool over WebSocket
// The instance lives on globalThis: PGlite must be opened once per process (hot reload included),
// and it is created on first use so that importing this module (e.g. during `next build`) opens nothing.

export type Database = NodePgDatabase<typeof schema>;
export type DriverName = 'pglite' | 'pg' | 'neon';

type Handle = { db: Database; driver: DriverName; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { __portalDb?: Handle };

export function selectDriver(env: NodeJS.ProcessEnv = process.env): DriverName {
  const url = env.DATABASE_URL?.trim();
  const forced = env.DATABASE_DRIVER?.trim();
  if (forced === 'neon' || forced === 'pg' || forced === 'pglite') {
    if (forced !== 'pglite' && !url) throw new Error(`DATABASE_DRIVER=${forced} needs DATABASE_URL`);
    return forced;
  }
  if (forced) throw new Error(`DATABASE_DRIVER must be one of pglite, pg, neon (got "${forced}")`);
  if (!url) return 'pglite';
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return host.endsWith('.neon.tech') ? 'neon' : 'pg';
}

/** DATABASE_POOL_MAX, checked by lib/env's schema (the CLI scripts open `db` without env()). */
export function poolMax(env: NodeJS.ProcessEnv = process.env): number {
  const result = envSchema.shape.DATABASE_POOL_MAX.safeParse(env.DATABASE_POOL_MAX);
  if (!result.success) throw new Error(`DATABASE_POOL_MAX: ${result.error.issues[0]?.message}`);
  return result.data;
}

export function pgliteDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PGLITE_DIR?.trim() || '.data/pglite';
}

// pg-pool counts the wait for a free client in this timeout too, so it must outlast a busy pool
// (more concurrent requests than `max`: 50 replies at once waited > 5 s on a loaded CI machine and
// failed); it only has to bound a server that never answers. A stopped server is refused at once.
const CONNECT_TIMEOUT_MS = 30_000;

type WatchedPool = {
  query: (...args: never[]) => unknown;
  connect: (...args: never[]) => unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
};

/**
 * Reports what a pool sees to lib/db-availability (database down → 503 pages, a probe until it
 * is back; the pool reconnects by itself), and registers the probe. An idle client that loses
 * its server must not crash the process (faults test, restarts): its error is logged and noted.
 */
function watch<P extends WatchedPool>(pool: P): P {
  pool.on('error', (err) => {
    console.error('[db] idle client error:', err.message);
    noteDatabaseError(err);
  });
  for (const method of ['query', 'connect'] as const) {
    const original = pool[method].bind(pool) as (...args: unknown[]) => unknown;
    pool[method] = ((...args: unknown[]) => {
      const result = original(...args);
      // Promise forms only (what drizzle uses); the observer never changes what the caller gets.
      if (result instanceof Promise) result.then(noteDatabaseOk, noteDatabaseError);
      return result;
    }) as P[typeof method];
  }
  registerDatabaseProbe(async () => {
    await (pool.query as (text: string) => Promise<unknown>)('select 1');
  });
  return pool;
}

function create(): Handle {
  const driver = selectDriver();
  const url = process.env.DATABASE_URL?.trim() ?? '';
  const logger = process.env.DB_QUERY_COUNTER === '1' ? queryCounterLogger : undefined;

  if (driver === 'pg') {
    // jit=off: PostgreSQL's JIT compiles any statement whose estimated cost passes jit_above_cost
    // (the staff dashboard's figures, the queue) and the compilation costs more than the statement
    // (an A/B at 2 M comments: /admin 1,955 → 893 ms; docs/decisions/008-performance.md). It is a
    // startup parameter here, so it costs no round trip.
    const pool = watch(
      new pg.Pool({
        connectionString: url,
        max: poolMax(),
        // A server that never answers fails the request (then 503s) instead of hanging it.
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        options: '-c jit=off',
      }),
    );
    return { db: drizzlePg({ client: pool, schema, logger }), driver, close: () => pool.end() };
  }

  if (driver === 'neon') {
    neonConfig.webSocketConstructor = ws;
    const bridge = process.env.NEON_WS_PROXY?.trim();
    if (bridge) {
      // Local WebSocket→TCP bridge in front of an ordinary server (tests only).
      neonConfig.wsProxy = (host, port) => `${bridge}/v2?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineTLS = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = watch(
      new NeonPool({ connectionString: url, max: poolMax(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
    );
    // jit=off as for pg (above), but not as a startup `options` parameter: Neon's pooled endpoint
    // (PgBouncer) refuses a connection with `unsupported startup parameter in options: jit`. A SET
    // on each new connection works on both endpoints; the client queues it before the first query.
    // (Behind the pooler it lands on a shared server connection, where jit=off is just as right.)
    pool.on('connect', (client: NeonPoolClient) => {
      client.query('SET jit = off').catch((err: Error) => console.error('[db] SET jit = off failed:', err.message));
    });
    const db = drizzleNeon({ client: pool, schema, logger }) as unknown as Database;
    return { db, driver, close: () => pool.end() };
  }

  const dir = pgliteDir();
  if (dir !== 'memory://') {
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = openPglite(dir);
  const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
  return { db, driver, close: () => client.close() };
}

function handle(): Handle {
  if (!globalForDb.__portalDb) globalForDb.__portalDb = create();
  return globalForDb.__portalDb;
}

/** The database, opened on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export function currentDriver(): DriverName {
  return handle().driver;
}

/** Closes the connection (scripts and tests); the next use opens a new one. */
export async function closeDb(): Promise<void> {
  const h = globalForDb.__portalDb;
  globalForDb.__portalDb = undefined;
  if (h) await h.close();
}

// Bench mode only: counts SQL statements so `npm run bench` can report queries per request.
const queryCounterLogger = {
  logQuery() {
    const g = globalThis as unknown as { __portalQueryCount?: number };
    g.__portalQueryCount = (g.__portalQueryCount ?? 0) + 1;
  },
};

export { schema };

/** A transaction handle, as passed to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Functions that may run inside or outside a transaction take this. */
export type DbOrTx = Database | Tx;
