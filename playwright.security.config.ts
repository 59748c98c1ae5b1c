import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { debianChromium } from './e2e/helpers/chromium';

// The security suite (npm run test:security → scripts/security.mjs): HTTP checks, fuzzing and
// browser checks against the production build, on its own server (port 3200, own database on
// TEST_DATABASE_URL's server, own dev mailbox), so it never shares state with the e2e suite.
// The server writes test-results/security/state-<port>.json (its database URL) for the tests.
// SECURITY_PORT moves it, so two runs can share the machine.
const PORT = Number(process.env.SECURITY_PORT ?? 3200);
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'security',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/security/artifacts',
  fullyParallel: false,
  // One server on a 2-core machine; the checks compare database snapshots, so they run one by one.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 300_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/security.json' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
  },
  projects: [debianChromium],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      E2E_PORT: String(PORT),
      E2E_MAILBOX_DIR: `.data/security-mailbox-${PORT}`,
      // security/harness.ts reads it (same name rule)
      E2E_STATE_FILE: path.resolve(`test-results/security/state-${PORT}.json`),
    },
  },
});
