// Runs once per `vitest run`, in the main process:
//   - on PGlite, builds (or reuses) the migrated template folder that tests/setup/db.ts copies
//     for every test file;
//   - makes one temp folder for the whole run (each file's PGlite copy and mailbox live in it)
//     and a run id that prefixes the names of the databases created on TEST_DATABASE_URL's
//     server, so that the teardown removes whatever a file left behind — a test file that fails
//     while being imported skips its afterAll hooks.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate } from './pglite-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Migrated PGlite folder to copy ('' on a server run). */
    pgliteTemplate: string;
    /** Temp folder of this run, removed by the teardown. */
    tempRoot: string;
    /** Prefix of this run's database names on the test server. */
    runId: string;
  }
}

const STALE_MS = 6 * 3_600_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  removeStaleRoots();
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-vitest-'));
  const runId = randomBytes(4).toString('hex');
  project.provide('tempRoot', tempRoot);
  project.provide('runId', runId);

  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  project.provide('pgliteTemplate', serverUrl ? '' : await ensurePgliteTemplate());

  return async () => {
    fs.rmSync(tempRoot, { recursive: true, force: true });
    if (serverUrl) await dropLeftoverDatabases(serverUrl, runId);
  };
}

function removeStaleRoots(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('portal-vitest-')) continue;
    const full = path.join(os.tmpdir(), name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

async function dropLeftoverDatabases(serverUrl: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname like $2`,
      [`portal\\_test\\_${runId}\\_%`, `portal\\_cli\\_${runId}\\_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
