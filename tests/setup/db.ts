// Runs before every test file (vitest.config.ts → setupFiles), in that file's own process.
// Gives the file a fresh, migrated database and a clean environment, so tests just import `db`:
//   - no TEST_DATABASE_URL: PGlite in a private copy of a migrated template folder (built once per
//     run by tests/setup/global.ts; a new PGlite database costs 6–9 s of initdb, a copy < 1 s).
//     Without the template (e.g. a file run outside this config) PGLITE_DIR=memory://.
//   - TEST_DATABASE_URL=postgres://… (a server where the user may CREATE DATABASE): a new,
//     uniquely named database on that server, dropped after the file. DATABASE_DRIVER is kept as
//     set, so CI runs the same files through `pg` and through the Neon driver (NEON_WS_PROXY).
// See docs/decisions/004-test-databases.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db';
import { migrateDatabase, resetMigrationState } from '@/db/migrate';
import { resetEnvCache } from '@/lib/env';
import { copyPgliteTemplate } from './pglite-template';

// With pool "forks" + isolate every file has a new process, so these are normally empty; a pool
// that shares a process between files would otherwise hand over the previous file's database.
const shared = globalThis as unknown as { __portalDb?: unknown };
if (shared.__portalDb) await closeDb();
resetMigrationState();

// A deterministic environment: nothing from the developer's shell or .env may point tests at a
// real database or a real mail provider.
process.env.AUTH_SECRET = `test-secret-${randomBytes(24).toString('hex')}`;
process.env.APP_URL = 'http://localhost:3000';
for (const name of ['RESEND_API_KEY', 'AGENCY_NOTIFY_EMAIL', 'ALLOW_REGISTRATION', 'CRON_SECRET', 'EMAIL_FROM']) {
  delete process.env[name];
}
// Temp folders live in the run's folder (tests/setup/global.ts removes it at the end, even for a
// file whose afterAll never ran); outside that setup, in the system's temp folder.
const tempRoot = inject('tempRoot') || os.tmpdir();
const runId = inject('runId') || 'adhoc';
const mailboxDir = fs.mkdtempSync(path.join(tempRoot, 'mailbox-'));
process.env.MAILBOX_DIR = mailboxDir;

const serverUrl = process.env.TEST_DATABASE_URL?.trim();
let removeDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const name = `portal_test_${runId}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  delete process.env.PGLITE_DIR;
  removeDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} else {
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_DRIVER;
  delete process.env.NEON_WS_PROXY;
  const template = inject('pgliteTemplate');
  if (template) {
    const dir = copyPgliteTemplate(template, tempRoot);
    process.env.PGLITE_DIR = dir;
    removeDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    process.env.PGLITE_DIR = 'memory://';
  }
}

resetEnvCache();
// Applies every migration (or, on a template copy, checks that none is missing).
await migrateDatabase();

afterAll(async () => {
  await closeDb();
  resetMigrationState();
  resetEnvCache();
  try {
    await removeDatabase?.();
  } finally {
    fs.rmSync(mailboxDir, { recursive: true, force: true });
  }
});

async function adminQuery(connectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
