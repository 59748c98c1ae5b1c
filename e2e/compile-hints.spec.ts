import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// The build users get carries V8's compile hint on every script a page loads at startup
// (scripts/compile-hints.mjs, run by `npm run build`; docs/decisions/014-compile-hints.md). The
// other specs exercise the pages that hydrate from these scripts.

const HINT = '//# allFunctionsCalledOnLoad';

/** The bodies of the /_next/static/chunks scripts a page load fetches, by URL. */
async function startupScripts(page: Page, path: string): Promise<Map<string, string>> {
  const bodies = new Map<string, Promise<string>>();
  const onResponse = (r: Response) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/_next/static/chunks/') && url.pathname.endsWith('.js')) bodies.set(url.pathname, r.text());
  };
  page.on('response', onResponse);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return new Map(await Promise.all([...bodies].map(async ([k, v]) => [k, await v] as const)));
}

test.describe('compile hints', () => {
  test('every startup script of the sign-in page and a client list starts with the hint', async ({ page }) => {
    const login = await startupScripts(page, '/login');
    expect(login.size, 'the sign-in page loads scripts').toBeGreaterThan(3);
    for (const [url, body] of login) expect(body.startsWith(HINT), url).toBe(true);

    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    const tickets = await startupScripts(page, '/tickets');
    expect(tickets.size).toBeGreaterThan(3);
    for (const [url, body] of tickets) expect(body.startsWith(HINT), url).toBe(true);
  });
});
