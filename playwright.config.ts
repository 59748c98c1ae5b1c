import { defineConfig } from '@playwright/test';
import { debianChromium } from './e2e/helpers/chromium';
import { E2E_BASE_URL } from './scripts/lib/e2e-constants.mjs';

// End-to-end tests on Debian's Chromium (never `npx playwright install`: @playwright/test 1.64.1
// matches chromium 156). The web server is scripts/e2e-server.mjs: a fresh database (a new one on
// TEST_DATABASE_URL's server, else PGlite in a temp folder), migrated and seeded with the demo
// data, then `next build` and `next start` on port 3100.
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/',
  fullyParallel: false,
  // One server on a 2-core machine: one browser at a time.
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
  },
  projects: [debianChromium],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // Lets the server script drop its database and temp folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
