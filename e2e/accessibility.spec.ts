import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO } from './helpers/accounts';
import { signIn } from './helpers/auth';
import { PAGES } from '../security/access/table';

// axe-core (the engine of Lighthouse's accessibility score, which the bench runs on three pages
// only) on every page of the portal, as the person who uses it: light and dark, desktop and phone
// width. Its default rules (WCAG 2 A and AA, and best practices) must find nothing. A new page
// fails the coverage check below until it is listed here.

const AXE_SOURCE = fs.readFileSync(path.join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

type Who = 'anonymous' | 'client' | 'staff';
const ACCOUNT: Record<Exclude<Who, 'anonymous'>, string> = { client: DEMO.client1.email, staff: DEMO.superAdmin.email };

/** The pages, by who opens them; a dynamic route is filled with the first row its list links to. */
const ROUTES: Record<Who, string[]> = {
  anonymous: ['/login', '/register', '/forgot-password', '/verify-email', '/reset-password', '/accept-invite'],
  client: ['/dashboard', '/projects', '/projects/new', '/projects/[id]', '/tickets', '/tickets/new', '/tickets/[ticketNumber]', '/notifications', '/settings'],
  staff: [
    '/admin',
    '/admin/clients',
    '/admin/clients/[id]',
    '/admin/projects',
    '/admin/projects/[id]',
    '/admin/tickets',
    '/admin/tickets/[ticketNumber]',
    '/admin/users',
    '/admin/activity',
    '/settings',
  ],
};
// The token pages are checked with a token that is not valid: the page they show most often.
const QUERY: Record<string, string> = {
  '/verify-email': '?token=not-a-real-token-000000000000000000',
  '/reset-password': '?token=not-a-real-token-000000000000000000',
  '/accept-invite': '?token=not-a-real-token-000000000000000000',
};
/** Where a dynamic route's first row is linked from. */
const LIST_OF: Record<string, { list: string; href: RegExp }> = {
  '/projects/[id]': { list: '/projects', href: /^\/projects\/[0-9a-f-]{36}$/ },
  '/tickets/[ticketNumber]': { list: '/tickets', href: /^\/tickets\/T-\d+$/ },
  '/admin/clients/[id]': { list: '/admin/clients', href: /^\/admin\/clients\/[0-9a-f-]{36}$/ },
  '/admin/projects/[id]': { list: '/admin/projects', href: /^\/admin\/projects\/[0-9a-f-]{36}$/ },
  '/admin/tickets/[ticketNumber]': { list: '/admin/tickets?status=ALL', href: /^\/admin\/tickets\/T-\d+$/ },
};

test('every page of the access matrix is in this check (except /setup, gone once an account exists)', () => {
  const listed = new Set(Object.values(ROUTES).flat());
  const missing = PAGES.map((p) => p.route).filter((r) => r !== '/' && r !== '/setup' && !listed.has(r));
  expect(missing).toEqual([]);
});

async function firstRow(page: Page, route: string): Promise<string> {
  const { list, href } = LIST_OF[route]!;
  await page.goto(list);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => href.test(h));
  expect(found, `${list} links to a row for ${route}`).toBeTruthy();
  return found!;
}

/** axe's violations on the page, or only inside the elements `within` selects. */
async function violations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (selector) => {
    type Rule = { id: string; impact: string; nodes: { target: string[] }[] };
    type Axe = { run: (c: unknown, o: object) => Promise<{ violations: Rule[]; passes: Rule[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    return axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
  }, within);
  // A check that looked at nothing would pass whatever the popup holds.
  if (result.passes.length === 0) return [`axe checked nothing${within ? ` in ${within}` : ''}`];
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function check(browser: Browser, who: Who, colorScheme: 'light' | 'dark', width: number): Promise<string[]> {
  const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const found: string[] = [];
  try {
    if (who !== 'anonymous') await signIn(page, ACCOUNT[who], DEMO.password);
    for (const route of ROUTES[who]) {
      const url = route.includes('[') ? await firstRow(page, route) : `${route}${QUERY[route] ?? ''}`;
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status(), url).toBe(200);
      for (const v of await violations(page)) found.push(`${colorScheme} ${width}px ${url}: ${v}`);
    }
  } finally {
    await context.close();
  }
  return found;
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`axe finds nothing on any page, ${colorScheme}, ${width} px wide`, async ({ browser }) => {
      test.setTimeout(180_000);
      const found: string[] = [];
      for (const who of ['anonymous', 'client', 'staff'] as const) found.push(...(await check(browser, who, colorScheme, width)));
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}

/** What a click opens: its trigger, and the popup whose contents axe checks with the page. */
type Popup = { path: string; trigger: { name: RegExp | string }; popup: 'menu' | 'dialog'; submitEmpty?: boolean };
const POPUPS: Record<Exclude<Who, 'anonymous'>, { width: number; popups: Popup[] }[]> = {
  client: [
    {
      width: 1280,
      popups: [
        { path: '/dashboard', trigger: { name: /^Account menu/ }, popup: 'menu' },
        { path: '/dashboard', trigger: { name: /^Notifications/ }, popup: 'menu' },
        { path: '/dashboard', trigger: { name: 'Toggle theme' }, popup: 'menu' },
      ],
    },
    { width: 390, popups: [{ path: '/dashboard', trigger: { name: 'Open menu' }, popup: 'dialog' }] },
  ],
  staff: [
    {
      width: 1280,
      popups: [
        // With the form's error messages showing (submitted empty).
        { path: '/admin/clients', trigger: { name: 'New client' }, popup: 'dialog', submitEmpty: true },
        { path: '/admin/users', trigger: { name: 'Invite staff' }, popup: 'dialog', submitEmpty: true },
        { path: '/admin/clients/[id]', trigger: { name: 'New project' }, popup: 'dialog', submitEmpty: true },
      ],
    },
  ],
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the open menus and dialogs, ${colorScheme}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    for (const who of ['client', 'staff'] as const) {
      for (const { width, popups } of POPUPS[who]) {
        const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        try {
          await signIn(page, ACCOUNT[who], DEMO.password);
          for (const p of popups) {
            await page.goto(p.path.includes('[') ? await firstRow(page, p.path) : p.path, { waitUntil: 'load' });
            await page.getByRole('button', { name: p.trigger.name, exact: typeof p.trigger.name === 'string' }).first().click();
            const popup = page.getByRole(p.popup).first();
            await expect(popup).toBeVisible();
            if (p.submitEmpty) {
              await popup.locator('button[type="submit"]').click();
              await expect(popup.locator('[aria-invalid="true"]').first()).toBeVisible();
            }
            // The popup alone: the page behind it was checked above, and while a modal popup is
            // open Radix hides the rest of the page from assistive technology on purpose.
            for (const v of await violations(page, `[role="${p.popup}"]`)) found.push(`${colorScheme} ${width}px ${p.path} ${p.trigger.name} open: ${v}`);
            await page.keyboard.press('Escape');
            await expect(popup).toBeHidden();
          }
        } finally {
          await context.close();
        }
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
