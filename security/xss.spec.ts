import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO } from '../e2e/helpers/accounts';
import { anonymous, closeDatabase, postAction, record, signIn, sql, type Visitor } from './harness';
import { mailIds, mailsSince, tokenFrom, waitForMail } from './mailbox';

// Item 4 of the security suite: script in every free-text field renders inert, in the real
// browser. The payloads go in through the server actions (as the forms post them), then the
// client and staff browsers open every page that shows them and look for anything that ran or
// could run: a dialog, `window.__xss`, a <script> made from user text, an on* attribute, a
// javascript: URL. Every payload carries a marker (#code.n#) so each page also proves that it
// showed the payload — as text.

test.describe.configure({ mode: 'serial' });

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<svg onload="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  '[click](javascript:window.__xss=1)',
  '![x](x" onerror="window.__xss=1)',
  '<a href="javascript:window.__xss=1">click</a>',
  '<a href="jav&#x09;ascript:window.__xss=1">tab</a>',
  'http://x.test/"onmouseover="window.__xss=1',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '\u202Egpj.exe\u202C <img src=x onerror=window.__xss=1>',
  '{{constructor.constructor("window.__xss=1")()}}',
] as const;

/** A field and the longest value it takes (its zod max). */
type Field = { code: string; label: string; max: number };

/**
 * The payloads with their markers, packed into as few values as the field allows (each value
 * carries whole payloads only). A 10,000-character field takes all of them at once.
 */
function values(field: Field): string[] {
  const out: string[] = [];
  let current = '';
  PAYLOADS.forEach((payload, i) => {
    const item = `#${field.code}.${i}# ${payload}`;
    if (item.length > field.max) throw new Error(`${field.code}: payload ${i} is longer than ${field.max}`);
    if (current && current.length + 1 + item.length > field.max) {
      out.push(current);
      current = item;
    } else current = current ? `${current} ${item}` : item;
  });
  out.push(current);
  return out;
}

const F = {
  clientReply: { code: 'crep', label: 'comment: client reply', max: 10_000 },
  staffReply: { code: 'srep', label: 'comment: staff reply', max: 10_000 },
  note: { code: 'note', label: 'comment: internal note', max: 10_000 },
  ticketSubject: { code: 'tsub', label: 'ticket subject', max: 200 },
  ticketDescription: { code: 'tdes', label: 'ticket description', max: 10_000 },
  requestTitle: { code: 'rtit', label: 'project title (client request)', max: 200 },
  requestDescription: { code: 'rdes', label: 'project description (client request)', max: 10_000 },
  requestRequirements: { code: 'rreq', label: 'project requirements (client request)', max: 10_000 },
  createTitle: { code: 'ctit', label: 'project title (staff create)', max: 200 },
  createDescription: { code: 'cdes', label: 'project description (staff create)', max: 10_000 },
  createRequirements: { code: 'creq', label: 'project requirements (staff create)', max: 10_000 },
  editTitle: { code: 'etit', label: 'project title (staff edit)', max: 200 },
  editDescription: { code: 'edes', label: 'project description (staff edit)', max: 10_000 },
  profileName: { code: 'pnam', label: 'name (settings profile)', max: 100 },
  profileCompany: { code: 'pcom', label: 'company (settings profile)', max: 120 },
  registerName: { code: 'gnam', label: 'name (register form)', max: 100 },
  registerCompany: { code: 'gcom', label: 'company (register form)', max: 120 },
  inviteName: { code: 'inam', label: 'name (staff invite client)', max: 100 },
  inviteCompany: { code: 'icom', label: 'company (staff invite client)', max: 120 },
  editName: { code: 'xnam', label: 'name (staff edit client)', max: 120 },
  editCompany: { code: 'xcom', label: 'company (staff edit client)', max: 120 },
  staffName: { code: 'snam', label: 'name (staff invite staff)', max: 100 },
} satisfies Record<string, Field>;

const PASSWORD = 'Xss-Suite-Password-42';

type Ok<T = unknown> = { ok: true; data: T };
async function must<T = unknown>(response: Promise<{ result: unknown; status: number }>, what: string): Promise<T> {
  const r = await response;
  expect(r.result, `${what}: ${r.status} ${JSON.stringify(r.result)}`).toMatchObject({ ok: true });
  return (r.result as Ok<T>).data;
}

// What the seeding step made, for the page tour.
const made = {
  clientId: '',
  clientEmail: '',
  tickets: [] as string[],
  projects: [] as string[], // every project of the client (requested, created, edited)
  /** The first project of each kind: their pages show the description and requirements. */
  projectPages: [] as string[],
  registered: [] as string[], // user ids
  invited: [] as string[],
  invitedEmails: [] as string[],
  staff: [] as string[],
};
let client: Visitor;
let staff: Visitor;
let mailsBefore = new Set<string>();

/** (field code, payload index) → pages on which its marker showed. */
const shown = new Map<string, Set<string>>();
let pageChecks = 0;
let shownTotal = 0;
const failures: string[] = [];

test.afterAll(async () => {
  record({
    area: 'XSS',
    label: 'payload × field × page checks',
    value: shownTotal,
    failures: failures.length,
    note: `${PAYLOADS.length} payloads × ${Object.keys(F).length} fields, ${pageChecks} page views (client and staff)${failures.length ? `; ${failures.slice(0, 3).join('; ')}` : ''}`,
  });
  await closeDatabase();
});

test('seed: payloads in every free-text field, through the server actions', async () => {
  mailsBefore = mailIds();
  staff = await signIn(DEMO.superAdmin.email, DEMO.password);

  // The client registers through the register action and verifies from the mailed link; the
  // register form's name and company values go on further (unverified) registrations, which
  // staff see in their client list.
  made.clientEmail = `xss-client-${Date.now().toString(36)}@example.test`;
  await must(
    postAction(anonymous(), 'registerAction', [
      { name: 'XSS Client', company: 'XSS Ltd', email: made.clientEmail, password: PASSWORD, confirmPassword: PASSWORD },
    ]),
    'register',
  );
  const token = tokenFrom(await waitForMail(made.clientEmail, /verify your email/i), '/verify-email');
  await must(postAction(anonymous(), 'verifyEmailAction', [{ token }]), 'verify');
  client = await signIn(made.clientEmail, PASSWORD);
  made.clientId = (await sql<{ id: string }>(`select id from users where email = $1`, [made.clientEmail]))[0].id;
  const registerCompanies = values(F.registerCompany);
  for (const [i, name] of values(F.registerName).entries()) {
    const email = `xss-register-${i}-${Date.now().toString(36)}@example.test`;
    const company = registerCompanies[i] ?? '';
    await must(postAction(anonymous(), 'registerAction', [{ name, company, email, password: PASSWORD, confirmPassword: PASSWORD }]), 'register');
    made.registered.push((await sql<{ id: string }>(`select id from users where email = $1`, [email]))[0].id);
  }

  // Tickets (subject values, each with every payload in the description).
  const [description] = values(F.ticketDescription);
  for (const subject of values(F.ticketSubject)) {
    const data = await must<{ ticketNumber: string }>(
      postAction(client, 'createTicketAction', [{ subject, description, projectId: '' }]),
      'create ticket',
    );
    made.tickets.push(data.ticketNumber);
  }
  // Comments on the first ticket: the client's reply, the staff reply, an internal note.
  const [first] = made.tickets;
  await must(postAction(client, 'replyAction', [first, { content: values(F.clientReply)[0] }]), 'client reply');
  await must(postAction(staff, 'replyAsAgencyAction', [first, { content: values(F.staffReply)[0] }]), 'staff reply');
  await must(postAction(staff, 'replyAsAgencyAction', [first, { content: values(F.note)[0], internal: true }]), 'internal note');

  // Projects: requested by the client, created by staff, edited by staff.
  const project = { type: 'WEBSITE', budget: '', startDate: '', endDate: '' };
  const firstOfKind = () => made.projectPages.push(made.projects[made.projects.length - 1]);
  for (const [i, title] of values(F.requestTitle).entries()) {
    const data = await must<{ id: string }>(
      postAction(client, 'requestProjectAction', [
        { ...project, title, description: values(F.requestDescription)[0], requirements: values(F.requestRequirements)[0] },
      ]),
      'request project',
    );
    made.projects.push(data.id);
    if (i === 0) firstOfKind();
  }
  for (const [i, title] of values(F.createTitle).entries()) {
    const data = await must<{ id: string }>(
      postAction(staff, 'createProjectForClientAction', [
        {
          ...project,
          clientId: made.clientId,
          title,
          description: values(F.createDescription)[0],
          requirements: values(F.createRequirements)[0],
        },
      ]),
      'create project',
    );
    made.projects.push(data.id);
    if (i === 0) firstOfKind();
  }
  for (const [i, title] of values(F.editTitle).entries()) {
    const data = await must<{ id: string }>(
      postAction(staff, 'createProjectForClientAction', [
        { ...project, clientId: made.clientId, title: 'Plain title', description: 'Plain description', requirements: '' },
      ]),
      'create project to edit',
    );
    await must(
      postAction(staff, 'updateProjectAction', [
        { ...project, projectId: data.id, title, description: values(F.editDescription)[0], requirements: '' },
      ]),
      'edit project',
    );
    made.projects.push(data.id);
    if (i === 0) firstOfKind();
  }

  // Staff invitations: clients (name, company) and staff (name).
  const inviteCompanies = values(F.inviteCompany);
  for (const [i, name] of values(F.inviteName).entries()) {
    const email = `xss-invite-${i}-${Date.now().toString(36)}@example.test`;
    const data = await must<{ userId: string }>(
      postAction(staff, 'inviteClientAction', [{ email, name, company: inviteCompanies[i] ?? '' }]),
      'invite client',
    );
    made.invited.push(data.userId);
    made.invitedEmails.push(email);
  }
  for (const [i, name] of values(F.staffName).entries()) {
    const email = `xss-staff-${i}-${Date.now().toString(36)}@example.test`;
    const data = await must<{ userId: string }>(postAction(staff, 'inviteStaffAction', [{ email, name, role: 'ADMIN' }]), 'invite staff');
    made.staff.push(data.userId);
  }
  // The settings profile and the staff "edit client" form are checked in the tour (one value at
  // a time: a person has one name).
  expect(made.tickets.length).toBeGreaterThan(0);
});

// ── the browser side ──────────────────────────────────────────────────────────────────────

/** A browser signed in through the login form (the same account as the visitor). */
async function browserFor(browser: Browser, email: string, password: string, home: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === home);
  await page.close();
  return context;
}

/** Runs in the page: everything that ran or could run, and the text the page shows. */
function inspect() {
  const bad: string[] = [];
  const w = window as unknown as { __xss?: unknown };
  if (w.__xss !== undefined) bad.push('window.__xss was set');
  for (const s of Array.from(document.querySelectorAll('script'))) {
    const text = (s.textContent ?? '').trim();
    if (/^window\.__xss/.test(text) || (s.getAttribute('src') ?? '').includes('__xss')) bad.push(`script element: ${text.slice(0, 60)}`);
  }
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') && /__xss|alert/.test(attr.value)) bad.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 40)}">`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)) {
        const url = attr.value.replace(/[\s\u0000-\u001f]/g, '');
        // javascript:/vbscript: anywhere; data: where it could carry a document (not an <img>).
        const scriptable = /^(javascript|vbscript):/i.test(url) || (/^data:/i.test(url) && !['IMG', 'LINK', 'SOURCE'].includes(el.tagName));
        if (scriptable) bad.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 50)}">`);
      }
    }
  }
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const url = new URL((a as HTMLAnchorElement).href, location.href);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) bad.push(`link to ${url.protocol}`);
  }
  // The visible text: the body without scripts (the RSC payload carries the strings escaped),
  // form field values and the title.
  const body = document.body.cloneNode(true) as HTMLElement;
  body.querySelectorAll('script, style, template, noscript').forEach((n) => n.remove());
  const fields = Array.from(document.querySelectorAll('input, textarea')).map((e) => (e as HTMLInputElement).value);
  return { bad, text: [document.title, body.textContent ?? '', ...fields].join('\n') };
}

const MARKER = /#([a-z]{4})\.(\d+)#/g;
const HAS_MARKER = /#[a-z]{4}\.\d+#/;

/** Opens `path`, waits for hydration, checks nothing ran; returns the markers shown. */
async function visit(
  page: Page,
  who: string,
  path: string,
  dialogs: string[],
  { agencyWide = false }: { agencyWide?: boolean } = {},
): Promise<Set<string>> {
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status(), `${who} ${path}`).toBe(200);
  expect(new URL(page.url()).pathname, `${who} ${path} redirected`).toBe(path.split('?')[0]);
  // Hydration: Next.js prefetches the visible links once React has hydrated; a quiet network
  // (or 1.5 s) is the sign. Client components have rendered by then.
  await page.waitForLoadState('networkidle', { timeout: 1_500 }).catch(() => undefined);
  const { bad, text } = await page.evaluate(inspect);
  const found = new Set<string>();
  for (const m of text.matchAll(MARKER)) found.add(`${m[1]}.${m[2]}`);
  for (const key of found) {
    if (!shown.has(key)) shown.set(key, new Set());
    shown.get(key)!.add(`${who} ${path}`);
  }
  pageChecks++;
  shownTotal += found.size;
  const problems = [...bad, ...dialogs.splice(0)];
  for (const p of problems) failures.push(`${who} ${path}: ${p}`);
  expect(problems, `${who} ${path}`).toEqual([]);
  // Agency-wide pages (the overview, the activity log) show the newest rows of everyone: after the
  // other specs of the suite, the payloads may have left their first page. Still checked for runs.
  if (!agencyWide) {
    expect(found.size, `${who} ${path} shows none of the payloads (the check would prove nothing)`).toBeGreaterThan(0);
  }
  return found;
}

async function openAs(browser: Browser, who: string, email: string, password: string, home: string) {
  const context = await browserFor(browser, email, password, home);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`dialog "${d.message()}"`);
    void d.dismiss().catch(() => undefined);
  });
  return {
    context,
    page,
    go: (path: string, options?: { agencyWide?: boolean }) => visit(page, who, path, dialogs, options),
  };
}

test('the client sees every payload as text and nothing runs', async ({ browser }) => {
  const { context, go } = await openAs(browser, 'client', made.clientEmail, PASSWORD, '/dashboard');
  await go('/dashboard');
  await go('/tickets');
  const threads = [];
  for (const t of made.tickets) threads.push(await go(`/tickets/${t}`));
  const thread = threads[0];
  expect([...thread].some((k) => k.startsWith('note.')), 'an internal note reached the client').toBe(false);
  await go('/projects');
  for (const id of made.projectPages) await go(`/projects/${id}`);
  await go('/notifications');
  // The settings profile: one value at a time, each seen in the form and the app shell.
  const companies = values(F.profileCompany);
  for (const [i, name] of values(F.profileName).entries()) {
    await must(postAction(client, 'updateProfileAction', [{ name, company: companies[i] ?? companies[0] }]), 'profile');
    await go('/settings');
  }
  for (const company of companies.slice(values(F.profileName).length)) {
    await must(postAction(client, 'updateProfileAction', [{ name: values(F.profileName)[0], company }]), 'profile');
    await go('/settings');
  }
  await context.close();
});

test('staff see every payload as text and nothing runs', async ({ browser }) => {
  const { context, go } = await openAs(browser, 'staff', DEMO.superAdmin.email, DEMO.password, '/admin');
  await go('/admin', { agencyWide: true });
  // Filtered to the client: other specs of the suite may have filled the lists.
  await go(`/admin/tickets?status=ALL&clientId=${made.clientId}`);
  for (const t of made.tickets) await go(`/admin/tickets/${t}`);
  await go(`/admin/projects?clientId=${made.clientId}`);
  for (const id of made.projectPages) await go(`/admin/projects/${id}`);
  await go('/admin/clients?q=xss-register');
  await go('/admin/clients?q=xss-invite');
  await go(`/admin/clients/${made.registered[0]}`);
  await go(`/admin/clients/${made.invited[0]}`);
  await go('/admin/users?role=all&q=xss-');
  await go('/admin/activity', { agencyWide: true });
  // The staff "edit client" form: the invited clients get the edit values (one each), then the
  // list and a client's page (the form holds them as input values) show them.
  const companies = values(F.editCompany);
  const names = values(F.editName);
  expect(made.invited.length).toBeGreaterThanOrEqual(Math.max(names.length, companies.length));
  for (let i = 0; i < Math.max(names.length, companies.length); i++) {
    await must(
      postAction(staff, 'updateClientAction', [
        { clientId: made.invited[i], email: made.invitedEmails[i], name: names[i] ?? names[0], company: companies[i] ?? companies[0] },
      ]),
      'edit client',
    );
  }
  await go('/admin/clients?q=xss-invite');
  await go(`/admin/clients/${made.invited[0]}`);
  await go(`/admin/clients/${made.clientId}`);
  await go(`/admin/tickets/${made.tickets[0]}`);
  await context.close();
});

test('every payload of every field was shown somewhere, as text', async () => {
  const missing: string[] = [];
  for (const field of Object.values(F) as Field[]) {
    PAYLOADS.forEach((_, i) => {
      if (!shown.has(`${field.code}.${i}`)) missing.push(`${field.label} #${i}`);
    });
  }
  expect(missing, 'payloads no page showed').toEqual([]);
});

test('mails that carry the payloads escape them (rendered in the browser, nothing runs)', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  const mails = mailsSince(mailsBefore).filter((m) => HAS_MARKER.test(m.html + m.subject + m.text));
  expect(mails.length, 'no mail carried a payload').toBeGreaterThan(0);
  let checked = 0;
  for (const mail of mails) {
    expect(mail.html, `${mail.subject}: raw <script>`).not.toMatch(/<script>window\.__xss/i);
    expect(mail.html, `${mail.subject}: raw onerror`).not.toMatch(/<img src=x onerror/i);
    expect(mail.html, `${mail.subject}: javascript: href`).not.toMatch(/href="\s*javascript:/i);
    // Scripts are enabled in this page (a mail client would not run them; the test must see it).
    await page.setContent(mail.html, { waitUntil: 'load' });
    const { bad, text } = await page.evaluate(inspect);
    const problems = [...bad, ...dialogs.splice(0)];
    for (const p of problems) failures.push(`mail "${mail.subject}": ${p}`);
    expect(problems, `mail "${mail.subject}" to ${mail.to}`).toEqual([]);
    expect(text, `mail "${mail.subject}" shows no payload as text`).toMatch(HAS_MARKER);
    checked++;
  }
  record({ area: 'XSS', label: 'mails with payloads rendered', value: checked, failures: 0 });
});

test('the detectors catch a payload that does run (self-check)', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  const live = [
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '<svg onload="window.__xss=1"></svg>',
    '<a href="javascript:window.__xss=1">click</a>',
    '<iframe src="javascript:window.__xss=1"></iframe>',
  ];
  for (const html of live) {
    await page.setContent(`<p>#self.0# ${html}</p>`, { waitUntil: 'load' });
    const { bad, text } = await page.evaluate(inspect);
    expect(bad, `not caught: ${html}`).not.toEqual([]);
    expect(text).toMatch(HAS_MARKER);
  }
  expect(dialogs.length, 'the alert() of the onerror payload was not seen').toBeGreaterThan(0);
});
