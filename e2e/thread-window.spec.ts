import { expect, test, type Page } from '@playwright/test';
import { THREAD_PAGE_SIZE } from '../lib/validation/tickets';
import { DEMO } from './helpers/accounts';
import { newSignedInPage } from './helpers/auth';

// A thread longer than one window (THREAD_PAGE_SIZE comments, newest last): the ticket page shows
// the newest window, "Show earlier replies" leads back and "Show the latest replies" forward, and a
// reply sent from an earlier window takes its sender to the newest one, where it appears. The
// client's page and the staff page share the window. The cursors themselves have unit tests
// (listThread in tests/portal/tickets.test.ts); this is what a person clicks through.

const replyText = (n: number) => `Window reply ${String(n).padStart(2, '0')}`;

/** The texts of the thread's comments in page order. */
async function threadTexts(page: Page): Promise<string[]> {
  const texts = await page.getByRole('list', { name: 'Conversation' }).getByRole('article').allTextContents();
  return texts.map((t) => /Window reply \d+/.exec(t)?.[0] ?? t);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => replyText(from + i));

test('a long thread shows its newest window, pages back and forth, and a reply from an earlier window lands on the newest', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const total = THREAD_PAGE_SIZE + 2;
  const client = await newSignedInPage(browser, DEMO.client4.email);

  await client.goto('/tickets/new');
  await client.getByLabel('Subject').fill(`Long thread ${Date.now().toString(36)}`);
  await client.getByLabel('Description').fill('A ticket with more replies than one window holds.');
  await client.getByRole('button', { name: 'Create ticket' }).click();
  await client.waitForURL(/\/tickets\/T-\d{6,}$/);
  const basePath = new URL(client.url()).pathname;
  const ticketNumber = basePath.split('/').pop()!;

  const box = client.getByRole('textbox', { name: 'Your reply' });
  const thread = client.getByRole('list', { name: 'Conversation' });
  for (let n = 1; n <= total; n++) {
    await box.fill(replyText(n));
    await client.getByRole('button', { name: 'Send reply' }).click();
    await expect(thread.getByText(replyText(n), { exact: true })).toBeVisible();
    await expect(box).toHaveValue('');
  }

  // The newest window: the last THREAD_PAGE_SIZE replies, oldest first, and a link to the rest.
  await client.goto(basePath);
  await expect.poll(() => threadTexts(client)).toEqual(range(total - THREAD_PAGE_SIZE + 1, total));
  await expect(client.getByRole('link', { name: 'Show the latest replies' })).toHaveCount(0);

  await client.getByRole('link', { name: 'Show earlier replies' }).click();
  await client.waitForURL((url) => url.searchParams.has('before'));
  await expect(client.getByText('These are earlier replies.')).toBeVisible();
  await expect.poll(() => threadTexts(client)).toEqual(range(1, total - THREAD_PAGE_SIZE));
  // The first reply is shown: nothing earlier to link to.
  await expect(client.getByRole('link', { name: 'Show earlier replies' })).toHaveCount(0);

  // A reply from the earlier window: the page moves to the newest window, at the reply box.
  await box.fill(replyText(total + 1));
  await client.getByRole('button', { name: 'Send reply' }).click();
  await client.waitForURL((url) => url.pathname === basePath && !url.searchParams.has('before'));
  await expect(thread.getByText(replyText(total + 1), { exact: true })).toBeVisible();
  await expect.poll(() => threadTexts(client)).toEqual(range(total - THREAD_PAGE_SIZE + 2, total + 1));
  await expect(box).toBeInViewport();
  await expect(client.getByText('These are earlier replies.')).toHaveCount(0);

  // A cursor that is no comment of this ticket: an empty window with the way back, not an error.
  const stale = await client.goto(`${basePath}?before=not-a-comment`);
  expect(stale?.status()).toBe(200);
  await expect(client.getByText('These are earlier replies.')).toBeVisible();
  await client.getByRole('link', { name: 'Show the latest replies' }).click();
  await client.waitForURL((url) => url.pathname === basePath && !url.searchParams.has('before'));
  await expect.poll(() => threadTexts(client)).toEqual(range(total - THREAD_PAGE_SIZE + 2, total + 1));

  // The staff page shows the same windows.
  const admin = await newSignedInPage(browser, DEMO.admin.email);
  await admin.goto(`/admin/tickets/${ticketNumber}`);
  await expect.poll(() => threadTexts(admin)).toEqual(range(total - THREAD_PAGE_SIZE + 2, total + 1));
  await admin.getByRole('link', { name: 'Show earlier replies' }).click();
  await admin.waitForURL((url) => url.searchParams.has('before'));
  await expect.poll(() => threadTexts(admin)).toEqual(range(1, total - THREAD_PAGE_SIZE + 1));
  await admin.getByRole('link', { name: 'Show the latest replies' }).click();
  await admin.waitForURL((url) => url.pathname === `/admin/tickets/${ticketNumber}` && !url.searchParams.has('before'));
  await expect.poll(() => threadTexts(admin)).toEqual(range(total - THREAD_PAGE_SIZE + 2, total + 1));
});
