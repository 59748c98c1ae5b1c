import { devices, type Project } from '@playwright/test';

/**
 * The one browser of both Playwright suites (e2e and security): Debian's Chromium, never a
 * downloaded one (@playwright/test 1.64.1 matches chromium 156), without background traffic.
 */
export const debianChromium: Project = {
  name: 'chromium',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
};
