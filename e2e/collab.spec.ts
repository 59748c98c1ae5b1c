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
