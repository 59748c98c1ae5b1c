import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// The nonce CSP (proxy.ts, docs/decisions/009-security-headers.md) must not break the portal:
// a client and a staff member use pages with every kind of script and style the app has —
// Next.js' own scripts, next-themes' inline theme script, recharts (admin dashboard), Radix
// dialogs and menus, sonner toasts — and the browser reports no CSP violation and no error.
// The session cookie's flags are checked on the way.

type Violation = { directive: string; blocked: string; sample: string };

/** Collects CSP violations (from the page itself) and console errors, for the whole test. */
async function watch(page: Page) {
  const violations: Violation[] = [];
  const errors: string[] = [];
  await page.exposeFunction('__reportCspViolation', (v: Violation) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (v: unknown) => void }).__reportCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on('console', (message) => {
    // "Failed to load resource" carries no URL; failed responses are recorded below instead
    // (Chromium's own /favicon.ico request — the portal has no favicon — is not one of them).
    if (/^Failed to load resource/.test(message.text())) return;
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { violations, errors };
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await page.waitForLoadState('networkidle');
}

async function switchTheme(page: Page, name: 'Dark' | 'Light') {
  await page.getByRole('button', { name: 'Toggle theme' }).first().click();
  await page.getByRole('menuitemradio', { name }).click();
  await expect(page.locator('html')).toHaveClass(name === 'Dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

test('a client uses the portal under the CSP without a violation', async ({ page, context }) => {
  const seen = await watch(page);
  await signIn(page, DEMO.client1.email, DEMO.client1.password);

  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session, 'session cookie').toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
  expect(session!.name).toBe('__Secure-authjs.session-token');

  for (const path of ['/dashboard', '/projects', '/tickets', '/tickets/new', '/projects/new']) await visit(page, path);
  await visit(page, '/tickets');
  const firstTicket = page.getByRole('link', { name: /^T-\d+/ }).first();
  if (await firstTicket.count()) {
    await firstTicket.click();
    await page.waitForLoadState('networkidle');
  }

  // next-themes: the theme script runs before paint on a full load (nonce), and the switch works.
  await visit(page, '/settings');
  await switchTheme(page, 'Dark');
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await switchTheme(page, 'Light');

  // sonner: a toast after saving the notification preferences.
  await page.getByRole('button', { name: 'Save notification preferences' }).click();
  await expect(page.locator('[data-sonner-toast]').first()).toBeVisible();

  expect(seen.violations, JSON.stringify(seen.violations, null, 2)).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('staff pages (charts, dialogs, menus) run under the CSP without a violation', async ({ page }) => {
  const seen = await watch(page);
  await signIn(page, DEMO.admin.email, DEMO.admin.password);

  // recharts on the dashboard.
  await visit(page, '/admin');
  await expect(page.locator('.recharts-wrapper').first()).toBeVisible();

  for (const path of ['/admin/projects', '/admin/tickets', '/admin/activity']) await visit(page, path);

  // A Radix dialog (react-remove-scroll inserts a <style> element while it is open).
  await visit(page, '/admin/clients');
  await page.getByRole('button', { name: 'New client' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Invite a client' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  expect(seen.violations, JSON.stringify(seen.violations, null, 2)).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('an injected inline event handler is blocked and reported', async ({ page }) => {
  const seen = await watch(page);
  await visit(page, '/login');
  // Markup injected into the page (what an XSS in rendered HTML would do): an inline event
  // handler. The CSP has no 'unsafe-inline' / 'unsafe-hashes', so it may not run.
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __injected?: number };
    const box = document.createElement('div');
    box.innerHTML = '<img src="/csp-probe-missing.png" onerror="window.__injected = (window.__injected || 0) + 1">';
    document.body.append(box);
    return new Promise<number>((resolve) => setTimeout(() => resolve(w.__injected ?? 0), 1000));
  });
  expect(ran).toBe(0);
  expect(seen.violations.some((v) => v.directive === 'script-src-attr')).toBe(true);
});
