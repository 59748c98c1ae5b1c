import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { log, step } from './log';
import type { Options, Scale } from './options';

// The bench database: a throwaway PostgreSQL server (scripts/pg-server.sh with its own folder and
// port) or BENCH_DATABASE_URL's server; one database per scale, migrated with the project's
// migrations, filled by bench/sql/generate.sql, its big-table indexes built after the load.

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const BENCH_PASSWORD = 'bench-password-2026';
/** Bump when bench/sql/generate.sql changes shape: an older database is then regenerated. */
const DATA_VERSION = 4;
const BIG_TABLES = ['projects', 'support_tickets', 'ticket_comments', 'activity_log'];

export type BenchDb = { url: string; serverUrl: string; startedServer: boolean; stop: () => Promise<void> };

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, opts: { cwd?: string; quiet?: boolean } = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (!opts.quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
      if (!opts.quiet) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${out.slice(-2000)}`)),
    );
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The smoke test's server is its own (and removed afterwards), so it never touches a kept large database. */
export function pgServerDir(opts: Options): string {
  return opts.smoke ? '/tmp/portal-bench-pg-smoke' : '/tmp/portal-bench-pg';
}

function pgServerEnv(opts: Options): NodeJS.ProcessEnv {
  return { ...process.env, PG_TEST_DIR: pgServerDir(opts), PG_TEST_PORT: String(opts.pgPort) };
}

/** Starts (or reuses) the throwaway server, or takes BENCH_DATABASE_URL's. */
export async function ensureServer(opts: Options): Promise<{ serverUrl: string; started: boolean; stop: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL?.trim();
  if (given) {
    log(`database server: BENCH_DATABASE_URL (${new URL(given).host})`);
    return { serverUrl: given, started: false, stop: async () => {} };
  }
  const env = pgServerEnv(opts);
  const out = await run('bash', ['scripts/pg-server.sh', 'start'], env, { quiet: true });
  const url = /TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`scripts/pg-server.sh start printed no URL:\n${out}`);
  const dir = pgServerDir(opts);
  log(`database server: throwaway PostgreSQL on 127.0.0.1:${opts.pgPort} (${dir})`);
  // Memory for a production-like server (the script's defaults are a test server's).
  await withClient(url.replace(/\/portal$/, '/postgres').replace('portal@', 'postgres@'), async (c) => {
    const { rows } = await c.query<{ setting: string }>(`select setting from pg_settings where name = 'shared_buffers'`);
    if (Number(rows[0]?.setting) < 65536) {
      await c.query(`alter system set shared_buffers = '1GB'`);
      await c.query(`alter system set effective_cache_size = '8GB'`);
      await c.query(`alter system set work_mem = '16MB'`);
      await c.query(`alter system set maintenance_work_mem = '512MB'`);
      await c.query(`alter system set max_wal_size = '4GB'`);
      await c.query(`alter system set checkpoint_timeout = '30min'`);
      await c.query(`alter system set autovacuum = off`); // the data never changes during a run
      return true;
    }
    return false;
  }).then(async (changed) => {
    if (!changed) return;
    log('database server: restarting with shared_buffers = 1GB');
    const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
    const data = `${dir}/data`;
    const asOwner = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    const cmd = [...asOwner, `${pgBin}/pg_ctl`, '-D', data, '-l', `${dir}/server.log`, '-w', '-t', '120', 'restart'];
    await run(cmd[0], cmd.slice(1), process.env, { quiet: true });
  });
  return {
    serverUrl: url,
    started: true,
    stop: async () => {
      await run('bash', ['scripts/pg-server.sh', 'stop'], env, { quiet: true });
    },
  };
}

function dbUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

type Meta = { version: number; scale: string; migrations: number; generatedAt: string; seconds: number };

async function readMeta(url: string): Promise<Meta | null> {
  try {
    return await withClient(url, async (c) => {
      const { rows } = await c.query<{ meta: Meta }>(`select meta from bench_meta limit 1`);
      return rows[0]?.meta ?? null;
    });
  } catch {
    return null;
  }
}

function migrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(ROOT, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** The database of the scale, generated unless it already holds this scale's data. */
export async function ensureDatabase(opts: Options, serverUrl: string): Promise<{ url: string; generated: boolean; meta: Meta }> {
  const name = `portal_bench_${opts.scale.name}`;
  const url = dbUrl(serverUrl, name);
  const migrations = migrationCount();
  const meta = await readMeta(url);
  if (!opts.regen && meta && meta.version === DATA_VERSION && meta.scale === opts.scale.name) {
    log(`database ${name}: reusing data generated ${meta.generatedAt} (--regen to rebuild)`);
    if (meta.migrations !== migrations) {
      // New migrations (indexes) are applied to the existing data, then the planner's statistics refreshed.
      await step(`applying ${migrations - meta.migrations} new migration(s) to the existing data`, () => migrate(url));
      meta.migrations = migrations;
      await withClient(url, async (c) => {
        await c.query(`analyze users, projects, support_tickets, ticket_comments`);
        await c.query(`update bench_meta set meta = $1`, [JSON.stringify(meta)]);
      });
    }
    return { url, generated: false, meta };
  }
  await withClient(serverUrl, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  await step('migrating the bench database', () => migrate(url));
  const t0 = Date.now();
  await generate(url, opts.scale);
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  const fresh: Meta = { version: DATA_VERSION, scale: opts.scale.name, migrations, generatedAt: new Date().toISOString(), seconds };
  await withClient(url, async (c) => {
    await c.query(`create table bench_meta (meta jsonb not null)`);
    await c.query(`insert into bench_meta (meta) values ($1)`, [JSON.stringify(fresh)]);
  });
  return { url, generated: true, meta: fresh };
}

async function migrate(url: string): Promise<void> {
  await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/migrate.ts'], {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_DRIVER: '',
    PGLITE_DIR: '',
  }, { quiet: true });
}

/** One argon2id hash of the bench password, made by the portal's own module. */
async function benchPasswordHash(): Promise<string> {
  const { hashPassword } = await import('@/lib/auth/passwords');
  return hashPassword(BENCH_PASSWORD);
}

type Definition = { table: string; name: string; sql: string };

async function generate(url: string, scale: Scale): Promise<void> {
  const hash = await benchPasswordHash();
  const vars: Record<string, string | number> = {
    clients: scale.clients,
    admins: scale.admins,
    projects: scale.projects,
    projects_per_client: Math.floor(scale.projects / scale.clients),
    heavy_tickets: scale.heavyTickets,
    regular_tickets: scale.regularTickets,
    heavy_comments: scale.heavyComments,
    regular_comments: scale.regularComments,
    history_days: scale.historyDays,
    // Three sign-ins per ticket: about 600,000 at large scale, 12,000 at small.
    sign_ins: 3 * (scale.heavyTickets + scale.regularTickets),
    password_hash: `'${hash.replace(/'/g, "''")}'`,
  };
  const source = fs.readFileSync(path.join(ROOT, 'bench/sql/generate.sql'), 'utf8');
  const filled = source.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    if (!(key in vars)) throw new Error(`generate.sql: unknown variable {{${key}}}`);
    return String(vars[key]);
  });
  const steps = filled
    .split(/^-- step: /m)
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      return { name: chunk.slice(0, newline).trim(), sql: chunk.slice(newline + 1) };
    });

  await withClient(url, async (c) => {
    await c.query(`set synchronous_commit = off`);
    await c.query(`set maintenance_work_mem = '512MB'`);
    await c.query(`set work_mem = '256MB'`);
    log(
      `generating ${scale.name} data: ${scale.clients} clients, ${scale.projects} projects, ` +
        `${scale.heavyTickets + scale.regularTickets} tickets, ${scale.heavyComments + scale.regularComments} comments`,
    );
    // Constraints and indexes of the big tables go before the load and come back after it.
    const saved = await dropBigTableIndexes(c);
    for (const s of steps) await step(`  data: ${s.name}`, () => c.query(s.sql));
    await step(`  rebuilding ${saved.constraints.length} constraints and ${saved.indexes.length} indexes`, async () => {
      await c.query(`set max_parallel_maintenance_workers = 2`);
      for (const d of saved.indexes) await c.query(d.sql);
      // Primary keys and unique constraints first, then the foreign keys that reference them.
      const order = (d: Definition) => (/^FOREIGN KEY/i.test(d.sql) ? 1 : 0);
      for (const d of [...saved.constraints].sort((a, b) => order(a) - order(b))) {
        await c.query(`alter table "${d.table}" add constraint "${d.name}" ${d.sql}`);
      }
    });
    await step('  vacuum analyze', () => c.query(`vacuum analyze`));
    const { rows } = await c.query<{ t: string; n: string }>(`
      select 'users' as t, count(*)::text as n from users union all
      select 'projects', count(*)::text from projects union all
      select 'support_tickets', count(*)::text from support_tickets union all
      select 'ticket_comments', count(*)::text from ticket_comments union all
      select 'activity_log', count(*)::text from activity_log`);
    log(`  rows: ${rows.map((r) => `${r.t} ${Number(r.n).toLocaleString('en-GB')}`).join(', ')}`);
  });
}

/** Drops the indexes and constraints of the big tables; returns what it takes to rebuild them. */
async function dropBigTableIndexes(c: pg.Client): Promise<{ constraints: Definition[]; indexes: Definition[] }> {
  const { rows: constraints } = await c.query<Definition & { contype: string }>(
    `select cl.relname as table, con.conname as name, pg_get_constraintdef(con.oid) as sql, con.contype
       from pg_constraint con join pg_class cl on cl.oid = con.conrelid
      where cl.relname = any($1) and con.contype in ('p', 'u', 'f')
         or (con.contype = 'f' and con.confrelid in (select oid from pg_class where relname = any($1)))`,
    [BIG_TABLES],
  );
  const { rows: indexes } = await c.query<Definition>(
    `select i.tablename as table, i.indexname as name, i.indexdef as sql
       from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint con where con.conname = i.indexname)`,
    [BIG_TABLES],
  );
  for (const f of constraints.filter((x) => x.contype === 'f')) await c.query(`alter table "${f.table}" drop constraint "${f.name}"`);
  for (const k of constraints.filter((x) => x.contype !== 'f')) await c.query(`alter table "${k.table}" drop constraint "${k.name}"`);
  for (const i of indexes) await c.query(`drop index "${i.name}"`);
  return { constraints, indexes };
}

export { withClient };
