import { expect, test } from '@playwright/test';

// The server under test is up, reaches its database, and sends a visitor to the sign-in page.
test.describe('smoke', () => {
  test('/api/health answers ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  test('/ leads a visitor to /login', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login(\?|$)/);
  });

  test('/login answers with the sign-in page', async ({ page }) => {
    const response = await page.goto('/login');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Agency Portal/);
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
  });
});
