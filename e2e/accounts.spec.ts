import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn, signOut } from './helpers/auth';
import { waitForMail } from './helpers/mailbox';

// Accounts in a real browser: registration and verification, sign-in and sign-out, the reset
// that ends other sessions, the unverified sign-in, the role gate and the deep link round trip.

function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** The same-origin path of a mailed link (mail links use APP_URL; the suite may run elsewhere). */
function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

async function linkFrom(to: string, subject: RegExp, path: string): Promise<string> {
  const mail = await waitForMail(to, subject);
  const link = mail.links.find((l) => l.includes(path));
  expect(link, `a ${path} link in "${mail.subject}"`).toBeTruthy();
  return pathOf(link!);
}

async function register(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Name', { exact: true }).fill('Robin Tester');
  await page.getByLabel('Company', { exact: true }).fill('Test Co');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your inbox');
}

async function verifyFromMailbox(page: Page, email: string): Promise<void> {
  await page.goto(await linkFrom(email, /Verify your email/i, '/verify-email'));
  await page.getByRole('button', { name: 'Verify email' }).click();
  await expect(page.getByRole('status')).toContainText('Your email address is verified');
}

test('register → verify from the mailbox → sign in → sign out', async ({ page }) => {
  const email = uniqueEmail('register');
  const password = 'a long and unusual passphrase 42';
  await register(page, email, password);
  await page.screenshot({ path: test.info().outputPath('register-done-1280.png'), fullPage: true });

  await verifyFromMailbox(page, email);

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  // Signed out for real: the portal sends us back to the sign-in page.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
});

test('forgot → reset → the other browser is signed out', async ({ browser, page }) => {
  const email = uniqueEmail('reset');
  const oldPassword = 'the first passphrase of this user';
  const newPassword = 'a brand new passphrase for the user';
  await register(page, email, oldPassword);
  await verifyFromMailbox(page, email);

  // A second browser (its own cookies) signs in with the old password.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, oldPassword);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.goto('/forgot-password');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account exists for that address');

  await page.goto(await linkFrom(email, /Reset your password/i, '/reset-password'));
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/login\?notice=reset$/);
  await expect(page.getByRole('status')).toContainText('Your password was changed');

  // The other browser's session ended with the reset.
  await otherPage.goto('/dashboard');
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();

  // No automatic sign-in; the new password works, the old one does not.
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(oldPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('an unverified account is told to verify and can resend the link', async ({ page }) => {
  const email = uniqueEmail('unverified');
  const password = 'an unverified passphrase here';
  await register(page, email, password);
  const firstLink = await linkFrom(email, /Verify your email/i, '/verify-email');

  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please verify your email first.' })).toBeVisible();
  // The typed email stays; the password is cleared.
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

  await page.getByRole('button', { name: 'Resend verification email' }).click();
  await expect(page.getByRole('status')).toContainText('we sent a new link');

  // A new mail with a new link; the first link no longer works.
  const secondLink = await linkFrom(email, /Verify your email/i, '/verify-email');
  expect(secondLink).not.toBe(firstLink);
  await page.goto(firstLink);
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await page.goto(secondLink);
  await page.getByRole('button', { name: 'Verify email' }).click();
  await expect(page.getByRole('status')).toContainText('Your email address is verified');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a client opening /admin lands on /dashboard', async ({ page }) => {
  await signIn(page, DEMO.clients[0].email, DEMO.password);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('an anonymous deep link goes through /login and back', async ({ page }) => {
  await page.goto('/tickets?status=OPEN');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftickets%3Fstatus%3DOPEN$/);
  await page.getByLabel('Email', { exact: true }).fill(DEMO.clients[0].email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/tickets\?status=OPEN$/);
});

test('a foreign callbackUrl is ignored', async ({ page }) => {
  await page.goto('/login?callbackUrl=' + encodeURIComponent('https://evil.example/steal'));
  await page.getByLabel('Email', { exact: true }).fill(DEMO.clients[0].email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('settings: changing the password keeps this session and ends the other one', async ({ browser, page }) => {
  const email = uniqueEmail('settings');
  const password = 'settings passphrase number one';
  const next = 'settings passphrase number two';
  await register(page, email, password);
  await verifyFromMailbox(page, email);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, password);

  await signIn(page, email, password);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  // Profile: typed values are saved and shown again.
  await page.getByLabel('Company', { exact: true }).fill('Renamed Co');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your details were saved.')).toBeVisible();

  // A wrong current password is refused next to the field; nothing changes.
  await page.getByLabel('Current password', { exact: true }).fill('not my password at all');
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm password', { exact: true }).fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Current password is incorrect.').first()).toBeVisible();

  await page.getByLabel('Current password', { exact: true }).fill(password);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm password', { exact: true }).fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed. Other sessions were signed out.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings-1280.png'), fullPage: true });

  // This browser is still signed in (its session was re-issued); the other one is out.
  await page.reload();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByLabel('Company', { exact: true })).toHaveValue('Renamed Co');
  await otherPage.goto('/dashboard');
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
  await page.context().clearCookies();
  await signIn(page, email, next);
  await expect(page).toHaveURL(/\/dashboard$/);
});
