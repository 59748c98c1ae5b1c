// Fixed values shared by scripts/e2e-server.mjs (the server under test), playwright.config.ts
// and the e2e helpers. Plain JavaScript so that the server script can import it without tsx.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** The dev mailbox of the server under test (emptied when the server starts). */
export const E2E_MAILBOX_DIR = process.env.E2E_MAILBOX_DIR ?? '.data/e2e-mailbox';
/** CRON_SECRET of the server under test (a fixed test value, not a secret). */
export const E2E_CRON_SECRET = 'e2e-cron-secret-not-for-production';
