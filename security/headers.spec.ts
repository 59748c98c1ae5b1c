import { expect, test } from '@playwright/test';
import { DEMO } from '../e2e/helpers/accounts';
import { CRON_SECRET } from '../e2e/helpers/accounts';
import {
  anonymous,
  changedTables,
  closeDatabase,
  postAction,
  record,
  server,
  signIn,
  snapshot,
  type HttpResponse,
} from './harness';

// Issue 6 item 3: security headers and cookies on the production build, and the Origin checks of
// state-changing route handlers and server actions (decision 009).
test.afterAll(closeDatabase);

let checks = 0;
let failures = 0;
/** Counts one assertion for the summary; a failing one still fails the test. */
function check(condition: boolean, message: string): void {
  checks += 1;
  if (!condition) failures += 1;
  expect(condition, message).toBe(true);
}

function header(response: HttpResponse, name: string): string {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

test('every kind of response carries the security headers and never x-powered-by', async () => {
  const visitor = anonymous();
  const client = await signIn(DEMO.client1.email, DEMO.password);
  const responses: Array<[string, HttpResponse]> = [
    ['/login', await visitor.fetch('/login')],
    ['/dashboard (redirect)', await visitor.fetch('/dashboard')],
    ['/api/health', await visitor.fetch('/api/health')],
    ['404 page', await visitor.fetch('/no-such-page-here')],
    ['/tickets as client', await client.fetch('/tickets')],
    ['/admin as client (redirect)', await client.fetch('/admin')],
  ];
  for (const [label, response] of responses) {
    check(header(response, 'x-frame-options') === 'DENY', `${label}: X-Frame-Options DENY`);
    check(header(response, 'x-content-type-options') === 'nosniff', `${label}: nosniff`);
    check(header(response, 'permissions-policy').includes('camera=()'), `${label}: Permissions-Policy`);
    check(header(response, 'x-powered-by') === '', `${label}: no x-powered-by`);
    const csp = directives(header(response, 'content-security-policy'));
    const scripts = csp.get('script-src') ?? [];
    check(scripts.some((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v)), `${label}: script-src has a nonce`);
    check(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), `${label}: no unsafe script sources`);
    check(csp.get('frame-ancestors')?.join(' ') === "'none'", `${label}: frame-ancestors 'none'`);
    check(csp.get('object-src')?.join(' ') === "'none'", `${label}: object-src 'none'`);
    check(csp.get('base-uri')?.join(' ') === "'none'", `${label}: base-uri 'none'`);
    // http APP_URL here: HSTS would be meaningless and is not sent (tests/security-unit covers https).
    check(header(response, 'strict-transport-security') === '', `${label}: no HSTS on an http APP_URL`);
  }
  record({ area: 'Headers and cookies', label: 'response kinds checked', value: responses.length, failures: 0 });
});

test('each page gets its own nonce, and every script of the page carries it', async () => {
  const visitor = anonymous();
  const first = await visitor.fetch('/login');
  const second = await visitor.fetch('/login');
  const nonceOf = (r: HttpResponse) => /'nonce-([^']+)'/.exec(header(r, 'content-security-policy'))?.[1] ?? '';
  check(nonceOf(first) !== '' && nonceOf(first) !== nonceOf(second), 'a fresh nonce per response');
  const scripts = [...first.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  check(scripts.length > 0, 'the sign-in page has scripts');
  const withoutNonce = scripts.filter((tag) => !tag.includes(`nonce="${nonceOf(first)}"`));
  check(withoutNonce.length === 0, `every <script> carries the nonce (without: ${withoutNonce.slice(0, 3).join(' ')})`);
});

test('token pages send no referrer; other pages a strict one', async () => {
  const visitor = anonymous();
  for (const path of ['/reset-password?token=abc', '/verify-email?token=abc', '/accept-invite?token=abc']) {
    const response = await visitor.fetch(path);
    check(header(response, 'referrer-policy') === 'no-referrer', `${path}: Referrer-Policy no-referrer`);
  }
  for (const path of ['/login', '/register', '/api/health']) {
    const response = await visitor.fetch(path);
    check(header(response, 'referrer-policy') === 'strict-origin-when-cross-origin', `${path}: strict Referrer-Policy`);
  }
});

test('the session cookie is HttpOnly, SameSite=Lax and Secure (production build)', async () => {
  const client = await signIn(DEMO.client2.email, DEMO.password);
  expect(client.cookies.size).toBeGreaterThan(0);
  // signIn keeps the jar; ask again for the raw Set-Cookie line of a fresh sign-in.
  const visitor = anonymous();
  const response = await postAction(visitor, 'loginAction', [{ email: DEMO.client3.email, password: DEMO.password }]);
  const line = response.setCookies.find((c) => /session-token=/.test(c)) ?? '';
  check(line !== '', 'a session cookie is set');
  check(/;\s*HttpOnly/i.test(line), 'session cookie HttpOnly');
  check(/;\s*SameSite=Lax/i.test(line), 'session cookie SameSite=Lax');
  check(/;\s*Secure/i.test(line), 'session cookie Secure');
  check(/^__Secure-/.test(line), 'session cookie has the __Secure- prefix');
});

test('state-changing route handlers refuse a foreign Origin; cron without Origin still works', async () => {
  const visitor = anonymous();
  const bearer = { authorization: `Bearer ${CRON_SECRET}` };
  const own = new URL(server().baseUrl).origin;
  const cases: Array<[string, Record<string, string>, number]> = [
    ['no Origin', {}, 200],
    ['own Origin', { origin: own }, 200],
    ['foreign Origin', { origin: 'https://evil.example' }, 403],
    ['Origin null', { origin: 'null' }, 403],
    ['look-alike Origin', { origin: `${own}.evil.example` }, 403],
  ];
  for (const [label, headers, status] of cases) {
    const response = await visitor.fetch('/api/cron/cleanup', { method: 'POST', headers: { ...bearer, ...headers } });
    check(response.status === status, `cron cleanup with ${label}: ${status} (got ${response.status})`);
  }
  const signOut = await visitor.fetch('/api/auth/signout', {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'csrfToken=x',
  });
  check(signOut.status === 403, `Auth.js POST with a foreign Origin: 403 (got ${signOut.status})`);
});

test('a server action posted with a foreign Origin is refused and changes nothing', async () => {
  const client = await signIn(DEMO.client4.email, DEMO.password);
  const before = await snapshot();
  let refused = 0;
  for (const origin of ['https://evil.example', 'null']) {
    const response = await postAction(client, 'updateProfileAction', [{ name: 'Origin Attack', company: 'Evil' }], { origin });
    // proxy.ts answers 403 before Next (which would throw: a 500) or the action sees it.
    const ran = (response.result as { ok?: boolean } | undefined)?.ok === true;
    check(!ran, `updateProfileAction with Origin ${origin} did not run`);
    check(response.status === 403, `updateProfileAction with Origin ${origin}: 403 (got ${response.status})`);
    if (!ran) refused += 1;
  }
  check(changedTables(before, await snapshot()).length === 0, 'no table changed');
  // The same call from the portal's own origin is accepted, so the refusal above is the Origin's doing.
  const own = await postAction(client, 'updateProfileAction', [{ name: DEMO.client4.name, company: DEMO.client4.company }]);
  check((own.result as { ok?: boolean } | undefined)?.ok === true, 'the same action from the own origin runs');
  record({ area: 'Headers and cookies', label: 'foreign-Origin actions refused', value: refused, failures: 2 - refused });
});

test.afterAll(() => {
  record({ area: 'Headers and cookies', label: 'header and cookie checks', value: checks, failures });
});
