import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// Unit and integration tests (docs/decisions/004-test-databases.md).
// Every test file runs in its own child process (pool "forks", isolate) and gets a fresh,
// migrated database from tests/setup/db.ts: a copy of a migrated PGlite folder (built once by
// tests/setup/global.ts), or a new database on the server named by TEST_DATABASE_URL (through
// `pg`, or through the Neon driver when DATABASE_DRIVER=neon).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `import 'server-only'` throws outside a React Server Components bundle; tests call
      // server modules directly.
      { find: /^server-only$/, replacement: path.join(root, 'tests/setup/empty-module.ts') },
    ],
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/db.ts'],
    pool: 'forks',
    isolate: true,
    // Vitest's default on 2 cores is 1 worker; files spend much of their time waiting on child
    // processes and database start-up, so 2 keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // argon2 hashing, database creation and child-process CLI runs are slow on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // Keep test output readable: one file's console output is grouped with its results.
    printConsoleTrace: false,
  },
});
