import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// The app shell's menus (account, notifications, theme, mobile navigation) load their Radix code
// on first use (components/app-shell/deferred-menu.tsx). Until then each is a plain button with
// the same name; these tests open them by keyboard while their code is still on its way (the
// chunks requested after the page has loaded are held back), and check that the menu opens once
// it arrives, with the focus where Radix puts it for a keyboard user.

/** Holds back every script requested from now on by `ms`, and records which were requested. */
async function slowLateScripts(page: Page, ms = 800): Promise<string[]> {
  const requested: string[] = [];
  await page.route('**/_next/static/chunks/**/*.js', async (route) => {
    requested.push(route.request().url());
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
  return requested;
}

async function freshPage(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return slowLateScripts(page);
}

test.describe('app shell menus', () => {
  test('open by keyboard before their code is loaded, first item focused, Escape returns focus', async ({ page }) => {
    await signIn(page, DEMO.client1.email, DEMO.client1.password);

    // Account menu: Enter.
    let late = await freshPage(page, '/tickets');
    const account = page.getByRole('button', { name: /^Account menu for / });
    await expect(account).toHaveAttribute('aria-haspopup', 'menu');
    await expect(account).toHaveAttribute('aria-expanded', 'false');
    await account.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
    expect(late.length, 'the menu code is fetched on first use').toBeGreaterThan(0);
    // While the (modal) menu is open Radix hides the rest of the page from the accessibility tree.
    await expect(page.locator('button[aria-label^="Account menu for"]')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Account menu for / })).toBeFocused();
    // Loaded once: it opens again as a plain Radix menu.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
    await page.keyboard.press('Escape');

    // Notification bell: ArrowDown.
    late = await freshPage(page, '/tickets');
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'See all notifications' })).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    expect(late.length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(bell).toBeFocused();

    // Theme menu: Space, then choose Dark with the keyboard, and back to Light with the pointer.
    late = await freshPage(page, '/dashboard');
    await page.getByRole('button', { name: 'Toggle theme' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('menuitemradio', { name: 'Light' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    // Radix moves the focus on the next task (a setTimeout in its roving focus): wait for it, or
    // an Enter sent at once still lands on Light (CI on a quicker host did that, twice in a row).
    await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await page.getByRole('button', { name: 'Toggle theme' }).click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  });

  test('a pointer opens a menu on first use too (the code arriving after the press)', async ({ page }) => {
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    await freshPage(page, '/tickets');
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    // A pointer opening focuses the menu itself, not an item (as Radix does).
    await expect(page.getByRole('menu')).toBeFocused();
  });

  test('the mobile navigation sheet opens by keyboard on first use and gives the focus back', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    await freshPage(page, '/dashboard');
    const open = page.getByRole('button', { name: 'Open menu' });
    await expect(open).toHaveAttribute('aria-haspopup', 'dialog');
    await open.focus();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog');
    await expect(sheet.getByRole('link', { name: 'Tickets' })).toBeVisible();
    await expect(sheet).toContainText('Agency Portal');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Open menu' })).toBeFocused();
  });
});
