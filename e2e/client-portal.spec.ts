import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// A client's whole journey through the portal: dashboard → request a project → open a ticket
// about it → reply → mark resolved → reopen, with screenshots at 1280 and 375 px wide (kept as
// test artifacts under the test's output folder).

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 812 };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Screenshots of the current page at both widths (returns to the wide layout). */
async function shots(page: Page, name: string) {
  await page.setViewportSize(WIDE);
  await shot(page, `${name}-1280`);
  await page.setViewportSize(NARROW);
  // Nothing may overflow sideways at 375 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(1);
  await shot(page, `${name}-375`);
  await page.setViewportSize(WIDE);
}

test.describe('client portal', () => {
  test.describe.configure({ mode: 'serial' });

  test('a client requests a project, opens a ticket, replies, resolves and reopens it', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(WIDE);
    const stamp = Date.now().toString(36);
    const projectTitle = `E2E storefront ${stamp}`;
    const subject = `Checkout button missing ${stamp}`;

    // ── Sign in → dashboard ──────────────────────────────────────────────────────────────────
    await signIn(page, DEMO.clients[0].email, DEMO.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page).toHaveTitle('Dashboard · Agency Portal');
    await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The skip link is the first stop of the keyboard and lands on <main>.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shots(page, 'dashboard');

    // ── Request a project ────────────────────────────────────────────────────────────────────
    await page.getByRole('link', { name: 'Request a project' }).first().click();
    await expect(page).toHaveURL(/\/projects\/new$/);
    await expect(page).toHaveTitle('Request a project · Agency Portal');
    await page.getByLabel('Title').fill(projectTitle);
    await page.getByLabel('Type').selectOption({ label: 'E-commerce' });
    await page.getByLabel('Description').fill('An online shop for our bakery, with click and collect.');
    await page.getByLabel('Requirements').fill('Product catalogue\nCard payments\nOrder emails');
    await page.getByLabel('Budget').fill('-5');
    await page.getByLabel('Desired start date').fill('2026-09-01');
    await page.getByLabel('Desired end date').fill('2026-08-01');
    await page.getByRole('button', { name: 'Request project' }).click();
    // Refused in the browser with a message next to the field; the text stays.
    await expect(page.getByText('The budget cannot be negative')).toBeVisible();
    await expect(page.getByLabel('Budget')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Budget').fill('2500.50');
    await page.getByRole('button', { name: 'Request project' }).click();
    await expect(page.getByText('The end date cannot be before the start date')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue(projectTitle);
    await expect(page).toHaveURL(/\/projects\/new$/);
    await page.getByLabel('Desired end date').fill('2026-11-30');
    await shots(page, 'project-request-form');
    await page.getByRole('button', { name: 'Request project' }).click();

    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: projectTitle })).toBeVisible();
    await expect(page).toHaveTitle(`${projectTitle} · Agency Portal`);
    await expect(page.getByText('Pending', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('£2,500.50')).toBeVisible();
    await expect(page.getByText(/^1 Sept? 2026$/)).toBeVisible(); // desired start, en-GB
    await expect(page.getByRole('heading', { name: 'No tickets about this project' })).toBeVisible();
    await shots(page, 'project-detail');

    // The project list shows it, filtered by status in the URL.
    await page.goto('/projects?status=PENDING');
    await expect(page.getByRole('link', { name: projectTitle })).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('PENDING');
    await shots(page, 'projects');
    await page.getByRole('link', { name: projectTitle }).click();

    // ── Open a ticket about it ───────────────────────────────────────────────────────────────
    await page.getByRole('link', { name: 'Open a ticket about this project' }).click();
    await expect(page).toHaveURL(/\/tickets\/new\?projectId=/);
    await expect(page).toHaveTitle('New ticket · Agency Portal');
    await expect(page.getByLabel('Project')).toHaveValue(/[0-9a-f-]{36}/);
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('The checkout button disappeared on mobile after the last release.');
    await page.getByRole('button', { name: 'Create ticket' }).click();

    await expect(page).toHaveURL(/\/tickets\/T-\d{6}$/);
    const ticketNumber = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(page).toHaveTitle(`${ticketNumber}: ${subject} · Agency Portal`);
    await expect(page.getByText(ticketNumber, { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Open', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: projectTitle })).toBeVisible();

    // ── Reply (text with a line break and a link; HTML stays text) ───────────────────────────
    const reply = page.getByRole('textbox', { name: 'Your reply' });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.getByText('Write a reply')).toBeVisible();
    // The refused send focuses the box and marks it invalid; typing validates again.
    await expect(reply).toBeFocused();
    await expect(reply).toHaveAttribute('aria-invalid', 'true');
    await reply.fill('Screenshot: https://example.com/shot.png\nSecond line <b>not bold</b>');
    await expect(page.getByText('Write a reply')).toHaveCount(0);
    await expect(reply).toHaveAttribute('aria-invalid', 'false');
    // A double click posts once.
    await page.getByRole('button', { name: 'Send reply' }).dblclick();
    const thread = page.getByRole('list', { name: 'Conversation' });
    await expect(thread.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Send reply' })).toBeEnabled();
    await expect(reply).toHaveValue('');
    await page.waitForTimeout(1000);
    await page.reload();
    await expect(thread.getByRole('article')).toHaveCount(1);
    await expect(thread.getByText('You', { exact: true })).toBeVisible();
    await expect(thread.getByText('Second line <b>not bold</b>')).toBeVisible();
    const link = thread.getByRole('link', { name: 'https://example.com/shot.png' });
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(link).toHaveAttribute('href', 'https://example.com/shot.png');
    const time = thread.locator('time').first();
    await expect(time).toHaveAttribute('title', /\d{4}/);
    await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);

    // ── Mark resolved ────────────────────────────────────────────────────────────────────────
    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await expect(page.getByText('Resolved', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark resolved' })).toHaveCount(0);
    await shots(page, 'ticket-resolved');

    // ── Reopen ───────────────────────────────────────────────────────────────────────────────
    await page.getByRole('button', { name: 'Reopen' }).click();
    await expect(page.getByRole('button', { name: 'Mark resolved' })).toBeVisible();
    await expect(page.getByText('Open', { exact: true }).first()).toBeVisible();
    await shots(page, 'ticket');

    // Dark mode renders the same page.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await shot(page, 'ticket-dark-1280');
    await page.emulateMedia({ colorScheme: 'light' });

    // ── The ticket list: comment count, search by number ────────────────────────────────────
    await page.goto(`/tickets?q=${ticketNumber}`);
    await expect(page).toHaveTitle('Tickets · Agency Portal');
    const row = page.locator(`tr[data-ticket="${ticketNumber}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(3)).toHaveText('1');
    await expect(page.getByLabel('Search tickets')).toHaveValue(ticketNumber);
    await shots(page, 'tickets');

    // A CLOSED ticket is read-only and says so (the demo data gives client1 one).
    await page.goto('/tickets?status=CLOSED');
    const closedLink = page.locator('tr[data-ticket] a').first();
    await expect(closedLink).toBeVisible();
    await closedLink.click();
    await expect(page.getByText('This ticket is closed and read-only')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your reply' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Mark resolved' })).toHaveCount(0);

    // A ticket that is not the client's is the 404 page, inside the portal.
    await page.goto('/tickets/T-999999');
    await expect(page.getByRole('heading', { name: 'Ticket not found' }).first()).toBeVisible();
    await page.goto('/projects/00000000-0000-0000-0000-000000000000');
    await expect(page.getByRole('heading', { name: 'Project not found' }).first()).toBeVisible();
  });

  test('the 375 px layout has a working mobile menu', async ({ page }) => {
    await page.setViewportSize(NARROW);
    await signIn(page, DEMO.clients[0].email, DEMO.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    // The desktop navigation is hidden; the menu button opens a sheet with the same links.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Open menu' }).click();
    const sheet = page.getByRole('dialog');
    await expect(sheet.getByRole('link', { name: 'Tickets' })).toBeVisible();
    await shot(page, 'mobile-menu-375');
    await sheet.getByRole('link', { name: 'Tickets' }).click();
    await expect(page).toHaveURL(/\/tickets$/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  });
});
