import { expect, test, type Page, type Request } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// Links prefetch on intent, not on sight (components/link.tsx): a page view sends no prefetch
// request for the links it shows (a list page used to send 30–59, each a server render), and a
// link prefetches its route once the pointer is over it or it has the keyboard focus. While a
// link's navigation waits for the server, a progress bar shows (pages have no loading skeletons).

const isPrefetch = (r: Request) => r.headers()['next-router-prefetch'] !== undefined;

/** Records the prefetch requests the page sends from now on, by path. */
function prefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (isPrefetch(r)) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test.describe('link prefetching', () => {
  test('a list page prefetches nothing on sight; hover and focus prefetch that one link', async ({ page }) => {
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    const seen = prefetches(page);
    await page.goto('/tickets');
    const rows = page.locator('tr[data-ticket] a');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count(), 'the demo client has tickets to list').toBeGreaterThan(1);
    await page.waitForLoadState('networkidle');
    expect(seen, 'no prefetch for the links in view').toEqual([]);

    // Pointer over the first ticket: its route is prefetched (and nothing else).
    const first = rows.first();
    const firstPath = await first.getAttribute('href');
    await first.hover();
    await expect.poll(() => seen).toContain(firstPath);
    expect(seen.every((p) => p === firstPath)).toBe(true);

    // Keyboard focus on the second ticket prefetches it too.
    const second = rows.nth(1);
    const secondPath = await second.getAttribute('href');
    await second.focus();
    await expect.poll(() => seen).toContain(secondPath);

    // And the link still navigates on the client side.
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${firstPath}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the staff client list prefetches nothing on sight', async ({ page }) => {
    await signIn(page, DEMO.admin.email, DEMO.admin.password);
    const seen = prefetches(page);
    await page.goto('/admin/clients');
    await expect(page.locator('tr[data-client]').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    // The filter form (next/form) may prefetch its own action, /admin/clients; no row link may.
    expect(seen.filter((p) => p !== '/admin/clients')).toEqual([]);
  });
});

/** From now on the server takes 1.5 s to answer for /tickets (its RSC payload, prefetch or navigation). */
async function slowTickets(page: Page) {
  await page.route(/\/tickets\?_rsc=/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
}

test.describe('navigation progress', () => {
  test('a slow navigation shows the progress bar until the next page arrives', async ({ page }) => {
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await slowTickets(page);
    const bar = page.getByTestId('navigation-progress');
    await expect(bar).toHaveCount(0);
    await page.locator('a[href="/tickets"]').first().click();
    await expect(bar).toBeVisible();
    await expect(page).toHaveURL(/\/tickets$/);
    await expect(page.locator('tr[data-ticket]').first()).toBeVisible();
    await expect(bar).toHaveCount(0);
  });

  test('the bar also shows for a link in the mobile menu, which closes as it is clicked', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await slowTickets(page);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Tickets' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const bar = page.getByTestId('navigation-progress');
    await expect(bar).toBeVisible();
    await expect(page).toHaveURL(/\/tickets$/);
    await expect(bar).toHaveCount(0);
  });

  test('a link to the page already shown starts no bar', async ({ page }) => {
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    await page.goto('/tickets');
    await expect(page.locator('tr[data-ticket]').first()).toBeVisible();
    await page.locator('a[href="/tickets"]').first().click();
    // Past the bar's 150 ms delay: it would be on screen by now.
    await page.waitForTimeout(600);
    await expect(page.getByTestId('navigation-progress')).toHaveCount(0);
  });
});
