// The web server of the end-to-end tests (playwright.config.ts → webServer):
//   1. a fresh database: a new database portal_e2e_<time> on TEST_DATABASE_URL's server, or else
//      PGlite in a new temp folder;
//   2. `npm run db:migrate` and `npm run db:seed` (demo data, e2e/helpers/accounts.ts);
//   3. `next build` and its compile hints, as `npm run build` does (skipped with SKIP_BUILD=1 when
//      .next has a build);
//   4. `next start -p 3100` in the foreground; SIGINT/SIGTERM stop it, then the database or the
//      temp folder is removed.
// The dev mailbox is .data/e2e-mailbox (emptied here), read by e2e/helpers/mailbox.ts.
// More than one can run at once (the security suite starts its own): E2E_PORT and E2E_MAILBOX_DIR
// tell them apart. E2E_STATE_FILE, when set, receives { baseUrl, databaseUrl, mailboxDir } once the
// database is ready, for tests that inspect the database. E2E_RESEND_BASE_URL sends mail through
// Resend's HTTP API at that address (a fake on loopback) instead of the dev mailbox.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { E2E_BASE_URL, E2E_CRON_SECRET, E2E_MAILBOX_DIR, E2E_PORT } from './lib/e2e-constants.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const log = (message) => console.log(`[e2e-server] ${message}`);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

let current = null; // the running child
let stopping = false;
const cleanups = [];

async function cleanup() {
  for (const task of cleanups.splice(0).reverse()) {
    try {
      await task();
    } catch (error) {
      console.error(`[e2e-server] cleanup: ${error.message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    if (current && current.exitCode === null) current.kill(signal);
    else cleanup().finally(() => process.exit(0));
  });
}

function run(command, args, env, { name = path.basename(command) } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    log(`${name} ${args.join(' ')}`);
    current = spawn(command, args, { env, stdio: 'inherit' });
    current.on('error', reject);
    current.on('exit', (code, signal) => {
      current = null;
      if (code === 0) {
        log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(`${name} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function adminQuery(connectionString, statement) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main() {
  // Empty strings keep values from .env/.env.local out (Next and @next/env never fill a variable
  // that the environment defines), so nothing here can reach a developer's database or Resend.
  const env = {
    ...process.env,
    DATABASE_URL: '',
    DATABASE_DRIVER: '',
    NEON_WS_PROXY: '',
    PGLITE_DIR: '',
    RESEND_API_KEY: '',
    AGENCY_NOTIFY_EMAIL: '',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    APP_URL: E2E_BASE_URL,
    AUTH_URL: E2E_BASE_URL,
    AUTH_TRUST_HOST: 'true',
    CRON_SECRET: E2E_CRON_SECRET,
    ALLOW_REGISTRATION: 'true',
    MAILBOX_DIR: path.join(root, E2E_MAILBOX_DIR),
    NEXT_TELEMETRY_DISABLED: '1',
  };

  if (process.env.E2E_RESEND_BASE_URL) {
    env.RESEND_API_KEY = 're_test_fake_key';
    env.RESEND_BASE_URL = process.env.E2E_RESEND_BASE_URL;
  }

  fs.rmSync(env.MAILBOX_DIR, { recursive: true, force: true });
  fs.mkdirSync(env.MAILBOX_DIR, { recursive: true });

  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (serverUrl) {
    const name = `portal_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    cleanups.push(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    log(`database: ${name} on ${url.host} (node-postgres)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    env.PGLITE_DIR = path.join(dir, 'pglite');
    log(`database: PGlite in ${env.PGLITE_DIR}`);
  }

  const stateFile = process.env.E2E_STATE_FILE;
  if (stateFile) {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    const state = { baseUrl: E2E_BASE_URL, databaseUrl: env.DATABASE_URL || null, mailboxDir: env.MAILBOX_DIR };
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
    cleanups.push(() => fs.rmSync(stateFile, { force: true }));
  }

  // NODE_ENV=test: the CLI then reads no .env.local (and db:seed refuses only production).
  const cliEnv = { ...env, NODE_ENV: 'test' };
  await run(bin('tsx'), ['scripts/migrate.ts'], cliEnv, { name: 'db:migrate' });
  await run(bin('tsx'), ['scripts/seed.ts'], cliEnv, { name: 'db:seed' });

  const buildEnv = { ...env, NODE_ENV: 'production' };
  if (process.env.SKIP_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('SKIP_BUILD=1: using the existing .next build');
  } else {
    await run(bin('next'), ['build'], buildEnv, { name: 'next' });
    // The same post-build step as `npm run build`: the tested build is the one users get.
    await run(process.execPath, [path.join(root, 'scripts/compile-hints.mjs'), root], buildEnv, { name: 'compile-hints' });
  }

  log(`next start on ${E2E_BASE_URL}`);
  await run(bin('next'), ['start', '-p', String(E2E_PORT)], buildEnv, { name: 'next' }).catch((error) => {
    if (!stopping) throw error;
  });
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (error) => {
    if (stopping) {
      await cleanup();
      process.exit(0);
    }
    console.error(`[e2e-server] ${error.message}`);
    await cleanup();
    process.exit(1);
  });
