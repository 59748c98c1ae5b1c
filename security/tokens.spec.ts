import { createHash, randomBytes } from 'node:crypto';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { expect, test } from '@playwright/test';
import { DEMO } from '../e2e/helpers/accounts';
import {
  anonymous,
  closeDatabase,
  postAction,
  record,
  server,
  signIn,
  sql,
  Visitor,
  type ActionResponse,
} from './harness';
import { mailIds, mailLinks, mailsSince, readMailbox, tokenFrom, waitForMail } from './mailbox';

// Item 2 of the security suite: the token and password rules of the Accounts issue, over HTTP
// against the production build — the links come from the server's dev mailbox, the actions are
// posted as the browser posts them, and the database is only read, except where a test moves a
// token's expiry into the past (the one thing HTTP cannot do in a test's lifetime).
//
// Every account here is fresh (registered and verified through the real flow, or invited), so
// the demo accounts the other specs rely on keep their passwords and addresses.

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'Correct-Horse-Battery-9';
const NEW_PASSWORD = 'Another-Staple-Lantern-7';

let cases = 0;
let failed = 0;
/** Every raw token seen in a mail, searched for in the whole database at the end. */
const seenTokens = new Set<string>();
const seen = new Set<string>(); // mailbox ids already handed out

test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) failed++;
});

test.afterAll(async () => {
  record({ area: 'Tokens and passwords', label: 'cases checked', value: cases, failures: failed });
  await closeDatabase();
});

/** One rule checked (counted for the summary). */
function passed(n = 1) {
  cases += n;
}

let counter = 0;
function freshEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++counter}-${randomBytes(3).toString('hex')}@example.test`;
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const okResult = (r: ActionResponse) => r.result as { ok: boolean; error?: string; reason?: string; message?: string };

function remember(token: string): string {
  seenTokens.add(token);
  return token;
}

/** True when the visitor's cookie opens /settings (every role may). */
async function isSignedIn(v: Visitor): Promise<boolean> {
  const r = await v.fetch('/settings');
  if (r.status === 200) return true;
  expect([303, 307, 308], `GET /settings answered ${r.status}`).toContain(r.status);
  expect(String(r.headers.location)).toContain('/login');
  return false;
}

/** Registers through the form's action and returns the verification link's token (unverified). */
async function register(email: string, name = 'Token Tester'): Promise<string> {
  const r = await postAction(anonymous(), 'registerAction', [
    { name, company: 'Tokens Ltd', email, password: PASSWORD, confirmPassword: PASSWORD },
  ]);
  expect(okResult(r), JSON.stringify(r.result)).toMatchObject({ ok: true });
  return remember(tokenFrom(await waitForMail(email, /verify your email/i, { seen }), '/verify-email'));
}

/** A fresh, verified CLIENT account. */
async function verifiedAccount(prefix: string): Promise<string> {
  const email = freshEmail(prefix);
  const token = await register(email);
  const v = await postAction(anonymous(), 'verifyEmailAction', [{ token }]);
  expect(okResult(v)).toMatchObject({ ok: true });
  return email;
}

async function forgot(email: string): Promise<string> {
  const r = await postAction(anonymous(), 'forgotPasswordAction', [{ email }]);
  expect(okResult(r)).toMatchObject({ ok: true });
  return remember(tokenFrom(await waitForMail(email, /reset your password/i, { seen }), '/reset-password'));
}

function reset(token: string, password = NEW_PASSWORD) {
  return postAction(anonymous(), 'resetPasswordAction', [{ token, password, confirmPassword: password }]);
}

function login(email: string, password: string, visitor = anonymous()) {
  return postAction(visitor, 'loginAction', [{ email, password }]);
}

const INVALID_RESET = /reset link is invalid, has expired or has already been used/i;
const INVALID_VERIFY = /link is invalid, has expired or has already been used/i;
const INVALID_INVITE = /invitation is invalid, has expired or has already been used/i;

test('verification links: click needed, single use, 24 h expiry, older link void after a resend, unverified sign-in refused', async () => {
  const email = freshEmail('verify');
  const first = await register(email);

  // Signing in before verifying: refused with its own reason only after the right password.
  const early = await login(email, PASSWORD);
  expect(okResult(early)).toMatchObject({ ok: false, reason: 'unverified' });
  expect(okResult(await login(email, 'wrong-password-123'))).toMatchObject({ ok: false, reason: 'invalid' });
  passed(2);

  // 24-hour lifetime, stored as SHA-256 only.
  const [row] = await sql<{ hours: number; used: boolean }>(
    `select extract(epoch from expires_at - created_at) / 3600 as hours, used from email_verifications where token = $1`,
    [sha256(first)],
  );
  expect(Number(row.hours)).toBeCloseTo(24, 1);
  passed();

  // Opening the link (a GET, as a mail scanner does) consumes nothing: the button does.
  const page = await anonymous().fetch(`/verify-email?token=${first}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Verify email');
  const [still] = await sql<{ used: boolean }>(`select used from email_verifications where token = $1`, [sha256(first)]);
  expect(still.used).toBe(false);
  passed();

  // "Send a new link": the new one works, the older one is void.
  const resent = await postAction(anonymous(), 'resendLinkAction', [{ email }]);
  expect(okResult(resent)).toMatchObject({ ok: true });
  const second = remember(tokenFrom(await waitForMail(email, /verify your email/i, { seen }), '/verify-email'));
  expect(second).not.toBe(first);
  expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token: first }]))).toMatchObject({
    ok: false,
    error: expect.stringMatching(INVALID_VERIFY),
  });
  passed();

  // Expiry: one second past → refused; a few seconds before → accepted (the boundary is now()).
  await sql(`update email_verifications set expires_at = now() - interval '1 second' where token = $1`, [sha256(second)]);
  expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token: second }]))).toMatchObject({ ok: false });
  expect((await anonymous().fetch(`/verify-email?token=${second}`)).text).toContain('This link does not work');
  await sql(`update email_verifications set expires_at = now() + interval '5 seconds' where token = $1`, [sha256(second)]);
  const verified = await postAction(anonymous(), 'verifyEmailAction', [{ token: second }]);
  expect(okResult(verified)).toMatchObject({ ok: true, data: { kind: 'VERIFIED', email } });
  passed(2);

  // Single use.
  expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token: second }]))).toMatchObject({
    ok: false,
    error: expect.stringMatching(INVALID_VERIFY),
  });
  passed();

  // Now the sign-in works.
  const v = await signIn(email, PASSWORD);
  expect(await isSignedIn(v)).toBe(true);
  passed();
});

test('unknown and malformed tokens are refused on every token page and action, without a 500', async () => {
  const unknown = randomBytes(32).toString('base64url');
  const malformed: unknown[] = [unknown, 'short', 'x'.repeat(5000), '../../etc/passwd', `${unknown}'--`, 42, null, ['a'], { $ne: 1 }, ''];
  let checks = 0;
  for (const token of malformed) {
    for (const [name, extra, pattern] of [
      ['verifyEmailAction', {}, INVALID_VERIFY],
      ['resetPasswordAction', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, null],
      ['acceptInviteAction', { name: 'Nobody', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, null],
    ] as const) {
      const r = await postAction(anonymous(), name, [{ token, ...extra }]);
      expect(r.status, `${name} ${String(token).slice(0, 20)}`).toBe(200);
      expect(r.redirect).toBeNull();
      expect(okResult(r).ok).toBe(false);
      if (pattern && token === unknown) expect(okResult(r).error).toMatch(pattern);
      checks++;
    }
  }
  for (const route of ['/verify-email', '/reset-password', '/accept-invite']) {
    for (const token of [unknown, 'short', '%00', 'x'.repeat(3000)]) {
      const r = await anonymous().fetch(`${route}?token=${encodeURIComponent(token)}`);
      expect(r.status, `${route} ${token.slice(0, 12)}`).toBe(200);
      expect(r.text).toMatch(/does not work|invalid/i);
      checks++;
    }
  }
  expect(okResult(await reset(unknown))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_RESET) });
  passed(checks + 1);
});

test('reset links: neutral answer, 1 h expiry, newest link only, single use, sessions end, no automatic sign-in', async () => {
  const email = freshEmail('reset');
  const verifyToken = await register(email);
  expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token: verifyToken }]))).toMatchObject({ ok: true });
  const sessionA = await signIn(email, PASSWORD);
  const sessionB = await signIn(email, PASSWORD);

  // Same answer for a known and an unknown address.
  const known = await postAction(anonymous(), 'forgotPasswordAction', [{ email }]);
  const unknownAnswer = await postAction(anonymous(), 'forgotPasswordAction', [{ email: freshEmail('nobody') }]);
  expect(known.status).toBe(unknownAnswer.status);
  expect(known.result).toEqual(unknownAnswer.result);
  passed();
  const older = remember(tokenFrom(await waitForMail(email, /reset your password/i, { seen }), '/reset-password'));

  const [row] = await sql<{ minutes: number }>(
    `select extract(epoch from expires_at - created_at) / 60 as minutes from password_resets where token = $1`,
    [sha256(older)],
  );
  expect(Number(row.minutes)).toBeCloseTo(60, 0);
  passed();

  // A newer link voids the older one.
  const newer = await forgot(email);
  expect(okResult(await reset(older))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_RESET) });
  passed();

  // A reset token is no verification or invitation token (purposes do not mix), and vice versa.
  expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token: newer }]))).toMatchObject({ ok: false });
  expect(
    okResult(await postAction(anonymous(), 'acceptInviteAction', [{ token: newer, name: 'X', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }])),
  ).toMatchObject({ ok: false });
  expect(okResult(await reset(verifyToken))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_RESET) });
  passed(3);

  // Expired: refused; the boundary is now().
  await sql(`update password_resets set expires_at = now() - interval '1 second' where token = $1`, [sha256(newer)]);
  expect(okResult(await reset(newer))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_RESET) });
  expect((await anonymous().fetch(`/reset-password?token=${newer}`)).text).toContain('This reset link does not work');
  await sql(`update password_resets set expires_at = now() + interval '5 seconds' where token = $1`, [sha256(newer)]);
  passed();

  // A common password is refused, and the link stays usable.
  const common = await reset(newer, 'password123');
  expect(okResult(common)).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringMatching(/too common/i)] } });
  passed();

  // The reset: back to /login, no session issued (no automatic sign-in).
  const resetBy = anonymous();
  const done = await postAction(resetBy, 'resetPasswordAction', [{ token: newer, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }]);
  expect(done.redirect).toMatch(/^\/login\?notice=reset/);
  expect([...resetBy.cookies.keys()].some((k) => k.includes('session-token'))).toBe(false);
  passed();

  // Single use.
  expect(okResult(await reset(newer, 'Third-Password-Here-1'))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_RESET) });
  passed();

  // Every session of the user has ended.
  expect(await isSignedIn(sessionA)).toBe(false);
  expect(await isSignedIn(sessionB)).toBe(false);
  passed();

  // Old password refused, new one works; "your password was changed" was mailed.
  expect(okResult(await login(email, PASSWORD))).toMatchObject({ ok: false, reason: 'invalid' });
  expect(await isSignedIn(await signIn(email, NEW_PASSWORD))).toBe(true);
  await waitForMail(email, /password was changed/i, { seen });
  passed(2);
});

test('a reset marks the address verified; the sign-in throttle does not lock the owner out of a reset', async () => {
  // Registered, never verified: the reset link proves the address.
  const email = freshEmail('reset-unverified');
  await register(email);
  const token = await forgot(email);
  expect((await reset(token)).redirect).toMatch(/^\/login/);
  expect(await isSignedIn(await signIn(email, NEW_PASSWORD))).toBe(true);
  passed();

  // Throttle: 5 failures per account, from many addresses → the right password is refused too.
  const locked = await verifiedAccount('throttle');
  for (let i = 0; i < 5; i++) {
    expect(okResult(await login(locked, `wrong-password-${i}`))).toMatchObject({ ok: false, reason: 'invalid' });
  }
  const refused = await login(locked, PASSWORD);
  expect(okResult(refused)).toMatchObject({ ok: false, reason: 'throttled', error: expect.stringMatching(/try again in \d+ minute/i) });
  passed();
  // …but the owner can still reset, and the reset lifts the throttle.
  const t = await forgot(locked);
  expect((await reset(t)).redirect).toMatch(/^\/login/);
  expect(await isSignedIn(await signIn(locked, NEW_PASSWORD))).toBe(true);
  passed();
});

test('invitation links: 7 days, newest only, single use, expiry, sign-in on acceptance', async () => {
  const admin = await signIn(DEMO.admin.email, DEMO.password);
  const email = freshEmail('invite');
  const invited = await postAction(admin, 'inviteClientAction', [{ email, name: 'Invited Person', company: 'Invitees' }]);
  expect(okResult(invited), JSON.stringify(invited.result)).toMatchObject({ ok: true });
  const userId = (invited.result as { data: { userId: string } }).data.userId;
  const first = remember(tokenFrom(await waitForMail(email, /invited/i, { seen }), '/accept-invite'));

  const [row] = await sql<{ days: number }>(
    `select extract(epoch from expires_at - created_at) / 86400 as days from email_verifications where token = $1`,
    [sha256(first)],
  );
  expect(Number(row.days)).toBeCloseTo(7, 2);
  passed();

  // A new invitation voids the older link.
  const again = await postAction(admin, 'resendInvitationAction', [{ userId }]);
  expect(okResult(again), JSON.stringify(again.result)).toMatchObject({ ok: true });
  const second = remember(tokenFrom(await waitForMail(email, /invited/i, { seen }), '/accept-invite'));
  // Posted to the page that holds the form: an action posted to another page is forwarded by
  // Next.js, and the forwarded answer loses the session cookie that signIn() set.
  const accept = (token: string, v = anonymous()) =>
    postAction(v, 'acceptInviteAction', [{ token, name: 'Invited Person', password: PASSWORD, confirmPassword: PASSWORD }], {
      path: `/accept-invite?token=${token}`,
    });
  expect(okResult(await accept(first))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_INVITE) });
  passed();

  // An invitation token verifies no address and resets no password.
  expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token: second }]))).toMatchObject({ ok: false });
  expect(okResult(await reset(second))).toMatchObject({ ok: false });
  passed();

  // Expired → refused; then restored, it signs the user in.
  await sql(`update email_verifications set expires_at = now() - interval '1 second' where token = $1`, [sha256(second)]);
  expect(okResult(await accept(second))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_INVITE) });
  expect((await anonymous().fetch(`/accept-invite?token=${second}`)).text).toMatch(/does not work|invalid/i);
  await sql(`update email_verifications set expires_at = now() + interval '5 seconds' where token = $1`, [sha256(second)]);
  passed();

  const newcomer = anonymous();
  const accepted = await accept(second, newcomer);
  expect(accepted.redirect).toBe('/dashboard');
  expect(await isSignedIn(newcomer)).toBe(true);
  passed();

  // Single use.
  expect(okResult(await accept(second))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_INVITE) });
  passed();
});

test('changing the password ends the other sessions and voids reset links', async () => {
  const email = await verifiedAccount('change-password');
  const pending = await forgot(email);
  const here = await signIn(email, PASSWORD);
  const elsewhere = await signIn(email, PASSWORD);

  // The current password is required.
  const wrong = await postAction(here, 'changePasswordAction', [
    { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
  ]);
  expect(okResult(wrong)).toMatchObject({ ok: false, fieldErrors: { currentPassword: [expect.any(String)] } });
  passed();

  const changed = await postAction(here, 'changePasswordAction', [
    { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
  ]);
  expect(okResult(changed), JSON.stringify(changed.result)).toMatchObject({ ok: true });
  expect(await isSignedIn(here)).toBe(true); // this browser's session was re-issued
  expect(await isSignedIn(elsewhere)).toBe(false);
  passed(2);

  // The reset link mailed before the change is void.
  expect(okResult(await reset(pending, 'Yet-Another-Password-5'))).toMatchObject({ ok: false, error: expect.stringMatching(INVALID_RESET) });
  expect((await login(email, NEW_PASSWORD)).redirect).toBe('/dashboard');
  passed();
});

test('changing the email voids reset links mailed to the old address', async () => {
  const email = await verifiedAccount('change-email');
  const pending = await forgot(email);
  const v = await signIn(email, PASSWORD);
  const newEmail = freshEmail('changed-to');

  const wrong = await postAction(v, 'changeEmailAction', [{ newEmail, password: 'not-my-password' }]);
  expect(okResult(wrong)).toMatchObject({ ok: false });
  passed();

  const asked = await postAction(v, 'changeEmailAction', [{ newEmail, password: PASSWORD }]);
  expect(okResult(asked), JSON.stringify(asked.result)).toMatchObject({ ok: true });
  const confirm = remember(tokenFrom(await waitForMail(newEmail, /confirm your new email/i, { seen }), '/verify-email'));
  // Until confirmed, the address stays.
  expect((await sql<{ email: string }>(`select email from users where email = $1`, [email])).length).toBe(1);
  const done = await postAction(anonymous(), 'verifyEmailAction', [{ token: confirm }]);
  expect(okResult(done)).toMatchObject({ ok: true, data: { kind: 'EMAIL_CHANGED', email: newEmail } });
  await waitForMail(email, /email address was changed/i, { seen });
  passed(2);

  // The reset link that went to the old address must not take over the account now.
  const late = await reset(pending, 'Hijack-Attempt-Password-3');
  expect(okResult(late), 'a reset link mailed to the old address still worked after the email change').toMatchObject({
    ok: false,
    error: expect.stringMatching(INVALID_RESET),
  });
  expect(await isSignedIn(await signIn(newEmail, PASSWORD))).toBe(true);
  passed();

  // The same when staff change a client's address (admin "edit client").
  const other = await verifiedAccount('staff-changes-email');
  const otherPending = await forgot(other);
  const [{ id }] = await sql<{ id: string }>(`select id from users where email = $1`, [other]);
  const admin = await signIn(DEMO.admin.email, DEMO.password);
  const moved = freshEmail('moved-by-staff');
  const edited = await postAction(admin, 'updateClientAction', [{ clientId: id, email: moved, name: 'Moved', company: '' }], {
    path: `/admin/clients/${id}`,
  });
  expect(okResult(edited), JSON.stringify(edited.result)).toMatchObject({ ok: true });
  expect(okResult(await reset(otherPending, 'Hijack-Attempt-Password-4')), 'reset link still worked after staff changed the email').toMatchObject({
    ok: false,
    error: expect.stringMatching(INVALID_RESET),
  });
  passed();
});

test('a forged Host or X-Forwarded-Host never reaches a mailed link', async () => {
  const appUrl = new URL(server().baseUrl).origin;
  const admin = await signIn(DEMO.admin.email, DEMO.password);
  const forgotTarget = await verifiedAccount('forged-forgot');
  const before = mailIds();
  const realHost = new URL(appUrl).host;
  const forgeries: Array<{ label: string; headers: Record<string, string>; origin: string }> = [
    { label: 'Host', headers: { host: 'evil.test' }, origin: 'http://evil.test' },
    { label: 'X-Forwarded-Host', headers: { 'x-forwarded-host': 'evil.test' }, origin: 'http://evil.test' },
    {
      label: 'X-Forwarded-Host + Proto',
      headers: { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' },
      origin: 'https://evil.test',
    },
    { label: 'Host, own Origin', headers: { host: 'evil.test' }, origin: appUrl },
    { label: 'X-Forwarded-Host, own Origin', headers: { 'x-forwarded-host': `evil.test`, host: realHost }, origin: appUrl },
  ];

  const PAGE_OF: Record<string, string> = {
    forgotPasswordAction: '/forgot-password',
    registerAction: '/register',
    resendLinkAction: '/verify-email',
    inviteClientAction: '/admin/clients',
  };
  let requests = 0;
  let accepted = 0;
  const refusedBy = new Map<number, number>();
  const expected: Array<{ to: string; subject: RegExp }> = [];
  for (const forgery of forgeries) {
    const opts = { headers: forgery.headers, origin: forgery.origin };
    const newcomer = freshEmail('forged-register');
    const unverified = freshEmail('forged-resend');
    await register(unverified);
    const invitee = freshEmail('forged-invite');
    const attempts: Array<[Visitor, string, unknown[], string, RegExp]> = [
      [anonymous(), 'forgotPasswordAction', [{ email: forgotTarget }], forgotTarget, /reset your password/i],
      [
        anonymous(),
        'registerAction',
        [{ name: 'Forged', company: '', email: newcomer, password: PASSWORD, confirmPassword: PASSWORD }],
        newcomer,
        /verify your email/i,
      ],
      [anonymous(), 'resendLinkAction', [{ email: unverified }], unverified, /verify your email/i],
      [admin, 'inviteClientAction', [{ email: invitee, name: 'Forged Invite', company: '' }], invitee, /invited/i],
    ];
    for (const [visitor, name, args, to, subject] of attempts) {
      // Each to the page whose form posts it (as the browser does).
      const r = await postAction(visitor, name, args, { ...opts, path: PAGE_OF[name] });
      requests++;
      // Next.js refuses an action whose Origin does not match the (forwarded) host by throwing
      // ("Invalid Server Actions request", a 500): refused is fine here; what is accepted must
      // mail only APP_URL links.
      if ((r.result as { ok?: boolean } | undefined)?.ok === true) {
        accepted++;
        expected.push({ to, subject });
      } else {
        refusedBy.set(r.status, (refusedBy.get(r.status) ?? 0) + 1);
      }
    }
  }
  // The accepted requests each mailed a link; every link of every mail since is on APP_URL.
  for (const { to, subject } of expected) await waitForMail(to, subject, { seen });
  const mails = mailsSince(before);
  let links = 0;
  for (const mail of mails) {
    for (const link of mailLinks(mail)) {
      expect(link.startsWith(`${appUrl}/`), `${mail.subject} to ${mail.to}: ${link}`).toBe(true);
      links++;
    }
    expect(mail.html + mail.text).not.toContain('evil.test');
  }
  expect(accepted, 'no forged request was accepted: the mail check would prove nothing').toBeGreaterThan(0);
  expect(links).toBeGreaterThan(0);
  passed(requests);
  test.info().annotations.push({ type: 'forged hosts', description: `${requests} requests, ${accepted} accepted, ${mails.length} mails, ${links} links` });
  record({
    area: 'Tokens and passwords',
    label: 'forged-host requests',
    value: requests,
    failures: 0,
    note: `${accepted} accepted by the server (refused: ${[...refusedBy].map(([s, n]) => `${n}×${s}`).join(', ') || 'none'}), ${mails.length} mails, ${links} links, all on APP_URL`,
  });
});

test('sign-in: callbackUrl stays on our origin; deactivated only told after the right password; bcrypt upgraded; long and multi-byte passwords', async () => {
  const email = await verifiedAccount('signin-rules');
  for (const callbackUrl of ['https://evil.com', '//evil.com', '/\\evil.com', `https://${new URL(server().baseUrl).hostname}.evil.com`, 'javascript:alert(1)']) {
    const r = await postAction(anonymous(), 'loginAction', [{ email, password: PASSWORD, callbackUrl }]);
    expect(r.redirect, callbackUrl).toBeTruthy();
    const target = new URL(r.redirect as string, server().baseUrl);
    expect(target.origin, callbackUrl).toBe(new URL(server().baseUrl).origin);
    expect(target.pathname).toBe('/dashboard');
    passed();
  }
  const deep = await postAction(anonymous(), 'loginAction', [{ email, password: PASSWORD, callbackUrl: '/tickets?status=OPEN' }]);
  expect(deep.redirect).toBe('/tickets?status=OPEN');
  passed();

  // Deactivated: the wrong password gets the common answer; the right one hears why.
  const off = await verifiedAccount('deactivated');
  await sql(`update users set active = false where email = $1`, [off]);
  const unknown = await login(freshEmail('nobody'), PASSWORD);
  const wrong = await login(off, 'wrong-password-1');
  expect(wrong.result).toEqual(unknown.result);
  expect(okResult(await login(off, PASSWORD))).toMatchObject({ ok: false, reason: 'inactive' });
  passed(2);

  // A bcrypt hash (an imported account) verifies and is upgraded to argon2id on sign-in.
  const legacy = await verifiedAccount('bcrypt');
  await sql(`update users set password_hash = $2 where email = $1`, [legacy, await bcryptHash(PASSWORD, 10)]);
  expect(await isSignedIn(await signIn(legacy, PASSWORD))).toBe(true);
  const [upgraded] = await sql<{ password_hash: string }>(`select password_hash from users where email = $1`, [legacy]);
  expect(upgraded.password_hash).toMatch(/^\$argon2id\$/);
  passed();

  // 80 characters and multi-byte: used in full, no truncation.
  for (const long of ['a1-'.repeat(26) + 'xy', 'pässwörd-日本語-🔑🔑-emoji-ok']) {
    const who = freshEmail('long');
    const r = await postAction(anonymous(), 'registerAction', [{ name: 'Long', company: '', email: who, password: long, confirmPassword: long }]);
    expect(okResult(r)).toMatchObject({ ok: true });
    const token = remember(tokenFrom(await waitForMail(who, /verify your email/i, { seen }), '/verify-email'));
    expect(okResult(await postAction(anonymous(), 'verifyEmailAction', [{ token }]))).toMatchObject({ ok: true });
    expect(await isSignedIn(await signIn(who, long))).toBe(true);
    expect(okResult(await login(who, [...long].slice(0, -1).join('')))).toMatchObject({ ok: false, reason: 'invalid' });
    passed();
  }
  // A common password is refused at registration.
  const r = await postAction(anonymous(), 'registerAction', [
    { name: 'Common', company: '', email: freshEmail('common'), password: 'password123', confirmPassword: 'password123' },
  ]);
  expect(okResult(r)).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringMatching(/too common/i)] } });
  passed();
});

test('login: unknown email and wrong password give the same answer in the same time', async () => {
  // Real, verified, active accounts with the demo password's hash; one wrong-password try each,
  // so the per-account limit (5) never trips. Each try comes from its own address in
  // 198.51.100.0/24 (the server trusts X-Forwarded-For), so the per-IP limit (50) never trips.
  const TRIES = 30;
  const WARMUP = 5;
  const n = TRIES + WARMUP;
  const [{ password_hash: hash }] = await sql<{ password_hash: string }>(`select password_hash from users where email = $1`, [DEMO.client1.email]);
  const stamp = Date.now().toString(36);
  const real = Array.from({ length: n }, (_, i) => `timing-${stamp}-${i}@example.test`);
  await sql(
    `insert into users (email, name, password_hash, role, email_verified, active)
     select unnest($1::text[]), 'Timing', $2, 'CLIENT', true, true`,
    [real, hash],
  );

  const unknownTimes: number[] = [];
  const wrongTimes: number[] = [];
  let reference: { status: number; result: unknown; text: string } | null = null;
  let answers = 0;
  for (let i = 0; i < n; i++) {
    // Alternate which kind goes first, so neither always follows the other.
    const order = i % 2 === 0 ? (['unknown', 'wrong'] as const) : (['wrong', 'unknown'] as const);
    for (const kind of order) {
      const visitor = new Visitor(kind, `198.51.100.${(kind === 'unknown' ? 0 : 100) + i + 1}`);
      const email = kind === 'unknown' ? `nobody-${stamp}-${i}@example.test` : real[i];
      const r = await login(email, 'definitely-wrong-password', visitor);
      reference ??= { status: r.status, result: r.result, text: r.text };
      expect(r.status, `${kind} #${i}`).toBe(reference.status);
      expect(r.result, `${kind} #${i}`).toEqual(reference.result);
      expect(r.text, `${kind} #${i}: the raw answer differs`).toBe(reference.text);
      answers++;
      if (i >= WARMUP) (kind === 'unknown' ? unknownTimes : wrongTimes).push(r.ms);
    }
  }
  expect(reference?.result).toMatchObject({ ok: false, reason: 'invalid', error: 'Email or password is incorrect.' });

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const mu = median(unknownTimes);
  const mw = median(wrongTimes);
  const gap = Math.abs(mu - mw) / Math.min(mu, mw);
  const note = `medians over ${TRIES} each (after ${WARMUP} warm-up, interleaved): unknown email ${mu.toFixed(1)} ms, wrong password ${mw.toFixed(1)} ms, gap ${(gap * 100).toFixed(1)} %`;
  test.info().annotations.push({ type: 'login timing', description: note });
  console.log(`[tokens] ${note}`);
  record({ area: 'Tokens and passwords', label: 'login answers compared', value: answers, failures: gap < 0.2 ? 0 : 1, note });
  expect(gap, note).toBeLessThan(0.2);
  passed(3);
});

test('only the SHA-256 of a token is stored: no raw token anywhere in the database', async () => {
  expect(seenTokens.size).toBeGreaterThan(10);
  const tables = await sql<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const tokens = [...seenTokens];
  for (const { name } of tables) {
    const hits = await sql<{ n: number }>(
      `select count(*)::int as n from "${name}" t, unnest($1::text[]) as tok where strpos(t::text, tok) > 0`,
      [tokens],
    );
    expect(hits[0].n, `raw tokens in ${name}`).toBe(0);
  }
  // …while their hashes are there (the search would have found them).
  const hashes = tokens.map(sha256);
  const [found] = await sql<{ n: number }>(
    `select (select count(*) from password_resets where token = any($1)) + (select count(*) from email_verifications where token = any($1)) as n`,
    [hashes],
  );
  expect(Number(found.n)).toBe(tokens.length);
  // The outbox keeps no link once the mail went out.
  const [secrets] = await sql<{ n: number }>(`select count(*)::int as n from email_outbox where secret is not null and status = 'SENT'`);
  expect(secrets.n).toBe(0);
  expect(readMailbox().length).toBeGreaterThan(0);
  passed(3);
});
