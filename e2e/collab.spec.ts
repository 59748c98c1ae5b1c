import { expect, test } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { newSignedInPage } from './helpers/auth';

// Staff collaboration (issue 8) in a real browser: a client opens a ticket with a priority, the
// agency assigns it and writes an internal note, and the client never sees the note.

test('staff write an internal note; the client never sees it', async ({ browser }) => {
  const client = await newSignedInPage(browser, DEMO.client2.email);
  const subject = `Invoice question ${Date.now()}`;
  await client.goto('/tickets/new');
  await client.getByLabel('Subject').fill(subject);
  await client.getByLabel('Description').fill('Our last invoice shows the wrong VAT number.');
  await client.getByLabel('Priority').selectOption('HIGH');
  await client.getByRole('button', { name: 'Create ticket' }).click();
  await client.waitForURL(/\/tickets\/T-\d{6,}$/);
  const ticketNumber = new URL(client.url()).pathname.split('/').pop()!;
  await expect(client.locator('main [data-priority]').first()).toHaveAttribute('data-priority', 'HIGH');
  await expect(client.getByTestId('whose-move')).toContainText('Waiting on: The agency');

  const admin = await newSignedInPage(browser, DEMO.admin.email);
  await admin.goto(`/admin/tickets/${ticketNumber}`);
  const assignee = admin.getByLabel('Assignee');
  const value = await assignee.locator('option', { hasText: DEMO.admin.email }).getAttribute('value');
  await assignee.selectOption(value!);
  await admin.getByRole('button', { name: 'Assign' }).click();
  await expect(admin.getByText(/^Assigned to /).first()).toBeVisible();

  const note = `INTERNAL ${Date.now()}: check with accounts before answering`;
  await admin.getByRole('textbox', { name: 'Reply as the agency' }).fill(note);
  await admin.getByLabel(/Internal note/).check();
  await admin.getByRole('button', { name: 'Add internal note' }).click();
  const thread = admin.getByRole('list', { name: 'Conversation' });
  await expect(thread).toContainText(note);
  await expect(thread.locator('[data-internal="true"]')).toContainText('Internal note');
  // The status did not change (still waiting on the agency).
  await expect(admin.locator('main [data-status]').first()).toHaveAttribute('data-status', 'OPEN');

  await client.reload();
  await expect(client.getByRole('heading', { level: 1 })).toHaveText(subject);
  await expect(client.getByText(note)).toHaveCount(0);
  await expect(client.getByText('Internal note')).toHaveCount(0);
  await client.goto('/tickets');
  await expect(client.getByText(note)).toHaveCount(0);
  await client.goto('/notifications');
  await expect(client.getByText(note)).toHaveCount(0);
});

// The activity log's Actor filter is a search (name, email or company), not a menu of every
// account that ever acted; an exact ?actorId= link names the account and offers the way back.
test('the activity log finds an actor by company, and an exact actor link names them', async ({ browser }) => {
  const client = await newSignedInPage(browser, DEMO.client3.email); // writes an auth.sign_in entry
  await client.close();
  const page = await newSignedInPage(browser, DEMO.superAdmin.email);
  await page.goto('/admin/activity');
  await page.getByLabel('Actor').fill(DEMO.client3.company!.toLowerCase());
  await page.getByLabel('Actor').press('Enter');
  await page.waitForURL(/[?&]actor=initech/);
  const rows = page.locator('main tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const actor of await rows.locator('td:nth-child(2)').allTextContents()) expect(actor).toBe(DEMO.client3.name);

  // One or two characters match the start, and the page says so.
  await page.getByLabel('Actor').fill('in');
  await page.getByLabel('Actor').press('Enter');
  await page.waitForURL(/[?&]actor=in(&|$)/);
  await expect(page.getByText('Actors whose name, email or company starts with “in”.')).toBeVisible();
  await expect(page.getByLabel('Actor')).toHaveAttribute('aria-describedby', 'activity-actor-note');

  // The exact filter of a link: the client's id from their row on /admin/clients.
  await page.goto(`/admin/clients?q=${encodeURIComponent(DEMO.client3.email)}`);
  const href = await page.getByRole('link', { name: DEMO.client3.name }).getAttribute('href');
  const id = href!.split('/').pop()!;
  await page.goto(`/admin/activity?actorId=${id}&action=auth.sign_in`);
  await expect(page.getByText(`Entries by ${DEMO.client3.name}, newest first.`)).toBeVisible();
  await expect(rows.first().locator('td').nth(2)).toHaveText('auth.sign_in');
  await page.getByRole('link', { name: 'Show everyone’s entries' }).click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'auth.sign_in' && !url.searchParams.has('actorId'));
  await expect(page.getByText('Every recorded change and sign-in, newest first.')).toBeVisible();
});
