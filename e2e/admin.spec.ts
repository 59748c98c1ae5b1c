import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { newSignedInPage, signIn } from './helpers/auth';
import { waitForMail } from './helpers/mailbox';

// The staff area in a real browser: the ticket round trip between a client and the agency, staff
// management and its guards, deactivation ending an open session, the project list's client
// filter, and screenshots of the dashboard and the queue at 1280 and 375 px. New accounts get
// unique addresses, so the demo accounts other specs rely on are never changed.

function uniqueEmail(tag: string): string {
  return `e2e-admin-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** The same-origin path of a mailed link (links are built from APP_URL). */
function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** Invites a client from /admin/clients ("New client") and returns the invitation link's path. */
async function inviteClient(staff: Page, email: string, name: string): Promise<string> {
  await staff.goto('/admin/clients');
  await staff.getByRole('button', { name: 'New client' }).first().click();
  const dialog = staff.getByRole('dialog', { name: 'Invite a client' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Company').fill('E2E Testing Ltd');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(staff.getByText('Invitation sent.').last()).toBeVisible();
  const mail = await waitForMail(email, /invit/i);
  const link = mail.links.find((l) => l.includes('/accept-invite'));
  expect(link, `an /accept-invite link in "${mail.subject}"`).toBeTruthy();
  return pathOf(link!);
}

test('a client opens a ticket, an admin answers it from the queue, the client sees the answer and the mail, the admin closes it', async ({
  browser,
}) => {
  const client = await newSignedInPage(browser, DEMO.client1.email);
  const subject = `Checkout button does nothing ${Date.now()}`;
  await client.goto('/tickets/new');
  await client.getByLabel('Subject').fill(subject);
  await client.getByLabel('Description').fill('Clicking “Pay now” on the basket page does nothing in Firefox 128.');
  await client.getByRole('button', { name: 'Create ticket' }).click();
  await client.waitForURL(/\/tickets\/T-\d{6,}$/);
  const ticketNumber = new URL(client.url()).pathname.split('/').pop()!;

  // The agency finds it in the queue (default tab: Active = Open + Pending) and answers.
  const admin = await newSignedInPage(browser, DEMO.admin.email);
  await admin.goto('/admin/tickets');
  await expect(admin.getByRole('link', { name: /^Active/ })).toHaveAttribute('aria-current', 'page');
  await admin.getByRole('link', { name: subject }).click();
  await admin.waitForURL(new RegExp(`/admin/tickets/${ticketNumber}$`));
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(subject);

  const reply = `Thanks — we reproduced it and a fix ships today (${ticketNumber}).`;
  await admin.getByRole('textbox', { name: 'Reply as the agency' }).fill(reply);
  await admin.getByRole('button', { name: 'Send reply' }).click();
  await expect(admin.getByRole('list', { name: 'Conversation' })).toContainText(reply);
  await expect(admin.locator('main [data-status]').first()).toHaveAttribute('data-status', 'PENDING');

  // The client is mailed, and sees the answer in the portal.
  const mail = await waitForMail(DEMO.client1.email, `[${ticketNumber}] New reply`);
  expect(mail.text).toContain(reply);
  const ticketLink = mail.links.find((l) => l.includes(`/tickets/${ticketNumber}`));
  expect(ticketLink).toBeTruthy();
  await client.goto(pathOf(ticketLink!));
  await expect(client.getByRole('list', { name: 'Conversation' })).toContainText(reply);
  await expect(client.locator('main [data-status]').first()).toHaveAttribute('data-status', 'PENDING');

  // The agency closes it: the client is told, and the ticket is read-only for them.
  await admin.getByRole('button', { name: 'Close ticket' }).click();
  await expect(admin.locator('main [data-status]').first()).toHaveAttribute('data-status', 'CLOSED');
  await expect(admin.getByText('This ticket is closed')).toBeVisible();
  await waitForMail(DEMO.client1.email, `[${ticketNumber}] Ticket closed`);
  await client.reload();
  await expect(client.locator('main [data-status]').first()).toHaveAttribute('data-status', 'CLOSED');
  await expect(client.getByLabel('Your reply')).toHaveCount(0);

  await client.context().close();
  await admin.context().close();
});

test('a super admin invites an admin, promotes a client, and is stopped by the guards', async ({ browser }) => {
  const root = await newSignedInPage(browser, DEMO.superAdmin.email);

  // Invite a staff member as ADMIN.
  const staffEmail = uniqueEmail('staff');
  await root.goto('/admin/users');
  await root.getByRole('button', { name: 'Invite staff' }).click();
  const dialog = root.getByRole('dialog', { name: 'Invite a staff member' });
  await dialog.getByLabel('Email').fill(staffEmail);
  await dialog.getByLabel('Name').fill('Ivy Invited');
  await dialog.getByLabel('Role').selectOption('ADMIN');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(root.getByText('Invitation sent.').last()).toBeVisible();
  const staffRow = root.locator(`[data-user="${staffEmail}"]`);
  await expect(staffRow).toContainText('Admin');
  await expect(staffRow).toContainText('Invited');
  const invitation = await waitForMail(staffEmail, /invit/i);
  expect(invitation.links.some((l) => l.includes('/accept-invite'))).toBe(true);

  // Promote a client (a fresh one, invited for the purpose) to ADMIN.
  const clientEmail = uniqueEmail('promote');
  await inviteClient(root, clientEmail, 'Paula Promoted');
  await root.goto(`/admin/users?role=clients&q=${encodeURIComponent(clientEmail)}`);
  const clientRow = root.locator(`[data-user="${clientEmail}"]`);
  await clientRow.getByLabel(`Role of ${clientEmail}`).selectOption('ADMIN');
  await clientRow.getByRole('button', { name: 'Change role' }).click();
  await expect(root.getByText('Role changed to Admin; their sessions have ended.')).toBeVisible();
  await root.goto(`/admin/users?q=${encodeURIComponent(clientEmail)}`);
  await expect(root.locator(`[data-user="${clientEmail}"]`)).toContainText('Admin');

  // The guards: nobody changes their own role, deactivates or deletes themselves.
  await root.goto(`/admin/users?q=${encodeURIComponent(DEMO.superAdmin.email)}`);
  const own = root.locator(`[data-user="${DEMO.superAdmin.email}"]`);
  await own.getByLabel(`Role of ${DEMO.superAdmin.email}`).selectOption('ADMIN');
  await own.getByRole('button', { name: 'Change role' }).click();
  await expect(root.getByText(/You cannot change your own role/)).toBeVisible();

  await own.getByRole('button', { name: 'Deactivate' }).click();
  await root.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(root.getByText(/You cannot deactivate your own account/)).toBeVisible();

  await own.getByRole('button', { name: 'Delete' }).click();
  const del = root.getByRole('dialog', { name: `Delete ${DEMO.superAdmin.email} permanently?` });
  await expect(del.getByRole('list', { name: 'What is deleted' })).toBeVisible();
  await del.getByLabel(`Type ${DEMO.superAdmin.email} to confirm`).fill(DEMO.superAdmin.email);
  await del.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(del.getByRole('alert')).toContainText(/You cannot delete your own account/);
  await root.keyboard.press('Escape');

  // Still a super admin, still signed in.
  await root.goto('/admin/users');
  await expect(root.locator(`[data-user="${DEMO.superAdmin.email}"]`)).toContainText('Super admin');

  // An ADMIN never reaches the page: they are sent back to the dashboard.
  const admin = await newSignedInPage(browser, DEMO.admin.email);
  await admin.goto('/admin/users');
  await expect(admin).toHaveURL(/\/admin$/);
  await expect(admin.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await root.context().close();
  await admin.context().close();
});

test('a deactivated client’s open session ends', async ({ browser }) => {
  const staff = await newSignedInPage(browser, DEMO.admin.email);
  const email = uniqueEmail('deactivate');
  const acceptPath = await inviteClient(staff, email, 'Dana Deactivated');

  // The client accepts the invitation in their own browser and is signed in.
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(acceptPath);
  await client.getByLabel('Name', { exact: true }).fill('Dana Deactivated');
  await client.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase 42');
  await client.getByLabel('Confirm password', { exact: true }).fill('a long and unusual passphrase 42');
  await client.getByRole('button', { name: 'Accept invitation' }).click();
  await client.waitForURL(/\/dashboard$/);

  // Staff deactivate the account from the client's page.
  await staff.goto(`/admin/clients?q=${encodeURIComponent(email)}`);
  await staff.getByRole('link', { name: 'Dana Deactivated' }).click();
  await staff.waitForURL(/\/admin\/clients\/[^/?]+$/);
  await staff.getByRole('button', { name: 'Deactivate' }).click();
  await staff.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(staff.getByText('Client deactivated: their sessions have ended.')).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Reactivate' })).toBeVisible();

  // The client's open session is over on their next request.
  await client.goto('/dashboard');
  await expect(client).toHaveURL(/\/login/);

  await clientContext.close();
  await staff.context().close();
});

test('staff narrow /admin/projects by client: a search field, a client’s own link, and back to every client', async ({ browser }) => {
  const admin = await newSignedInPage(browser, DEMO.admin.email);
  const acmeProject = admin.getByRole('link', { name: 'Corporate website redesign' }); // client1, Acme Ltd
  const globexProject = admin.getByRole('link', { name: 'Customer self-service portal' }); // client2, Brian Lee
  const apply = () => admin.getByRole('button', { name: 'Apply' }).click();

  await admin.goto('/admin/projects');
  // A search field, not a menu of every client.
  const field = admin.getByLabel('Client', { exact: true });
  await expect(field).toHaveAttribute('type', 'search');
  await expect(admin.getByRole('combobox', { name: 'Client' })).toHaveCount(0);

  // From 3 characters: name, email or company contains, any case.
  await field.fill('ACME');
  await apply();
  await admin.waitForURL(/[?&]client=ACME(&|$)/);
  await expect(acmeProject).toBeVisible();
  await expect(globexProject).toHaveCount(0);

  // 1 or 2 characters match the start, and the page says so under the filters.
  await admin.getByLabel('Client', { exact: true }).fill('br');
  await apply();
  await admin.waitForURL(/[?&]client=br(&|$)/);
  await expect(admin.getByText('Clients whose name, email or company starts with “br”.')).toBeVisible();
  await expect(admin.getByLabel('Client', { exact: true })).toHaveAttribute('aria-describedby', 'project-client-note');
  await expect(globexProject).toBeVisible();
  await expect(acmeProject).toHaveCount(0);

  // A client's own link (?clientId=…) from their profile still narrows the list and names them.
  await admin.goto('/admin/clients');
  await admin.getByRole('link', { name: DEMO.client1.name }).first().click();
  await admin.getByRole('link', { name: 'Open in the project list' }).click();
  await admin.waitForURL(/\/admin\/projects\?clientId=/);
  await expect(admin.getByText(`Projects of ${DEMO.client1.name} · ${DEMO.client1.company}`)).toBeVisible();
  await expect(acmeProject).toBeVisible();
  await expect(globexProject).toHaveCount(0);
  await admin.getByRole('link', { name: 'Show every client’s projects' }).click();
  await admin.waitForURL((url) => url.pathname === '/admin/projects' && !url.searchParams.has('clientId'));
  await expect(acmeProject).toBeVisible();
  await expect(globexProject).toBeVisible();
  await admin.context().close();
});

test('screenshots of the dashboard and the queue at 1280 and 375 px', async ({ browser }) => {
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 } });
    const page = await context.newPage();
    await signIn(page, DEMO.admin.email, DEMO.password);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Tickets by status/ })).toBeVisible();
    // The charts draw once hydrated and measured: wait for all three before the picture.
    await expect(page.locator('[data-slot="chart"] svg.recharts-surface')).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`admin-dashboard-${width}.png`), fullPage: true });

    await page.goto('/admin/tickets');
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket queue' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`admin-queue-${width}.png`), fullPage: true });
    await context.close();
  }
});
