import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';

// What a page's first load must not run in the browser (docs/decisions/008-performance.md, tenth
// round), each costly the first time, on the main thread, while the page hydrates:
// - tailwind-merge builds a map of every Tailwind class on its first call (60–70 ms on a slowed-
//   down phone). The components a page hydrates join their own classes without it and merge only
//   a caller's className (withClassName in lib/utils.ts). V8's precise coverage says whether its
//   configuration ran.
// - The first Intl formatter (toLocaleString included) loads ICU's locale data (30–80 ms).
//   Client components group digits with lib/group-digits.ts, and lib/format.ts builds its
//   formatters on first use. A wrapper around Intl and the toLocale* methods records any call.

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

/** Records, in window.__intlCalls, every Intl formatter built and toLocale* call a page makes. */
function recordIntlCalls() {
  const calls: string[] = [];
  (window as unknown as { __intlCalls: string[] }).__intlCalls = calls;
  const intl = Intl as unknown as Record<string, new (...args: unknown[]) => unknown>;
  for (const name of ['NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'PluralRules', 'Collator', 'ListFormat']) {
    const Original = intl[name];
    intl[name] = new Proxy(Original, {
      construct: (target, args) => (calls.push(name), new target(...args)) as object,
      apply: (target, self, args) => (calls.push(name), Reflect.apply(target, self, args)),
    });
  }
  const methods: [object, string][] = [
    [Number.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleDateString'],
    [Date.prototype, 'toLocaleTimeString'],
  ];
  for (const [proto, name] of methods) {
    const original = (proto as Record<string, (...args: unknown[]) => string>)[name];
    Object.defineProperty(proto, name, {
      value: function (this: unknown, ...args: unknown[]) {
        calls.push(name);
        return original.apply(this, args);
      },
    });
  }
}

const intlCalls = (page: Page) => page.evaluate(() => (window as unknown as { __intlCalls: string[] }).__intlCalls);

/** A fresh load of `path`, until the network is quiet (hydration done). */
const load = (page: Page, path: string) => async () => {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
};

/** Loads `path` afresh and expects neither tailwind-merge's configuration nor Intl to have run. */
const firstLoadCheck = (page: Page) => async (path: string) => {
  expect(await tailwindMergeRuns(page, load(page, path)), `tailwind-merge on ${path}`).toBe(0);
  expect(await intlCalls(page), `Intl on ${path}`).toEqual([]);
};

test.describe('first page load', () => {
  test('the sign-in page, the client’s lists and a ticket build neither tailwind-merge’s class map nor an Intl formatter', async ({ page }) => {
    await page.addInitScript(recordIntlCalls);
    const check = firstLoadCheck(page);
    await check('/login');

    await signIn(page, DEMO.client1.email, DEMO.client1.password);
    for (const path of ['/dashboard', '/projects', '/tickets']) await check(path);
    const ticket = await page.getByRole('table').getByRole('link').first().getAttribute('href');
    expect(ticket).toMatch(/^\/tickets\/T-\d+$/);
    await check(ticket!);
  });

  test('the staff dashboard builds no Intl formatter; the staff queue, client list, projects and a staff ticket page build neither', async ({ page }) => {
    await page.addInitScript(recordIntlCalls);
    const check = firstLoadCheck(page);
    await signIn(page, DEMO.admin.email, DEMO.admin.password);
    // /admin: Intl only. Its charts label their axes without Intl (lib/chart-format.ts), but the
    // chart container still merges the dashboard's classes (components/ui/chart.tsx).
    await load(page, '/admin')();
    await expect(page.getByRole('img', { name: /tickets/i }).first()).toBeVisible();
    expect(await intlCalls(page), 'Intl on /admin').toEqual([]);
    for (const path of ['/admin/clients', '/admin/projects', '/admin/tickets']) await check(path);
    const ticket = await page.getByRole('table').getByRole('link').first().getAttribute('href');
    expect(ticket).toMatch(/^\/admin\/tickets\/T-\d+$/);
    await check(ticket!);
  });

  test('the Intl recorder sees a call', async ({ page }) => {
    // The list above is only worth something if the recorder catches what it looks for.
    await page.addInitScript(recordIntlCalls);
    await load(page, '/login')();
    await page.evaluate(() => [(1234).toLocaleString('en-GB'), new Intl.DateTimeFormat('en-GB').format(0)]);
    expect(await intlCalls(page)).toEqual(['toLocaleString', 'DateTimeFormat']);
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
