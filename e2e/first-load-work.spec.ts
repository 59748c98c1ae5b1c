import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// What a page's first load must not run in the browser. tailwind-merge builds a map of every
// Tailwind class on its first call, 60–70 ms of main thread on a slowed-down phone; the components
// a page hydrates join their own classes without it and merge only a caller's className
// (withClassName in lib/utils.ts; docs/decisions/008-performance.md, tenth round). A component in
// the shell or on these pages that passes a className to a ui primitive, or calls cn(), while it
// hydrates makes this fail. V8's precise coverage says whether the code ran.

// A string in tailwind-merge's default configuration (a class group's name), not in our code.
const TAILWIND_MERGE_MARKER = '"fvn-figure"';

/** How many times the code around tailwind-merge's marker ran while `steps` did their work. */
async function tailwindMergeRuns(page: Page, steps: () => Promise<void>): Promise<number> {
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await steps();
  const entries = await page.coverage.stopJSCoverage();
  const script = entries.find((e) => e.source?.includes(TAILWIND_MERGE_MARKER));
  expect(script, 'a page script carries tailwind-merge (else the marker is out of date)').toBeDefined();
  const at = script!.source!.indexOf(TAILWIND_MERGE_MARKER);
  // The innermost covered range that holds the marker: its count is how often that code ran.
  const ranges = script!.functions
    .flatMap((f) => f.ranges)
    .filter((r) => r.startOffset <= at && at < r.endOffset)
    .sort((a, b) => a.endOffset - a.startOffset - (b.endOffset - b.startOffset));
  expect(ranges.length).toBeGreaterThan(0);
  return ranges[0].count;
}

/** A fresh load of `path`, until the network is quiet (hydration done). */
const load = (page: Page, path: string) => async () => {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
};

test.describe('first page load', () => {
  test('the sign-in page, the client’s lists and a ticket do not build tailwind-merge’s class map', async ({ page }) => {
    expect(await tailwindMergeRuns(page, load(page, '/login')), '/login').toBe(0);

    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    for (const path of ['/dashboard', '/projects', '/tickets']) {
      expect(await tailwindMergeRuns(page, load(page, path)), path).toBe(0);
    }
    const ticket = await page.getByRole('table').getByRole('link').first().getAttribute('href');
    expect(ticket).toMatch(/^\/tickets\/T-\d+$/);
    expect(await tailwindMergeRuns(page, load(page, ticket!)), ticket!).toBe(0);
  });

  test('the check sees tailwind-merge run when it does: opening a menu', async ({ page }) => {
    // A menu's items merge a caller's classes (components/ui/dropdown-menu.tsx), so its first
    // opening builds the map. A marker that no longer found the code would report 0 here as well.
    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    const runs = await tailwindMergeRuns(page, async () => {
      await load(page, '/dashboard')();
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await expect(page.getByRole('menu')).toBeVisible();
    });
    expect(runs).toBeGreaterThan(0);
  });
});
