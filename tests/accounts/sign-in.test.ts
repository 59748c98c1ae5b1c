import { hash as bcryptHash } from '@node-rs/bcrypt';
import { eq, like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { MESSAGES, registerAccount, requestPasswordReset, resetPassword, signInWithPassword } from '@/db/queries/accounts';
import { rateLimits, users } from '@/db/schema';
import { UserError } from '@/lib/action-result';
import { hashGateLimits, hashingLoad, hashPassword, isCommonPassword, verifyPassword } from '@/lib/auth/passwords';
import { flushDeliveries } from '@/lib/email/outbox';
import { clientIp, RATE_LIMITS, tooManyAttemptsMessage } from '@/lib/rate-limit';
import { registerSchema } from '@/lib/validation/auth';
import { createUser, readMailbox } from '../helpers/factories';

let n = 0;
function ip(): string {
  n += 1;
  return `192.0.2.${n}`;
}

describe('answers that do not reveal whether an account exists', () => {
  it('sign-in: an unknown email and a wrong password get the very same answer', async () => {
    const { user } = await createUser();
    const wrong = await signInWithPassword({ email: user.email, password: 'not the password' }, { ip: ip() });
    const unknown = await signInWithPassword({ email: 'nobody-here@example.test', password: 'not the password' }, { ip: ip() });
    expect(wrong).toEqual({ ok: false, reason: 'invalid', message: 'Email or password is incorrect.' });
    expect(unknown).toEqual(wrong);
  });

  it('sign-in: an unknown email spends a hash verification too (timing)', async () => {
    const { user } = await createUser();
    const time = async (email: string) => {
      const t = performance.now();
      await signInWithPassword({ email, password: 'not the password' }, { ip: ip() });
      return performance.now() - t;
    };
    await time(user.email); // warm up (the dummy hash is computed once)
    await time('warm-up@example.test');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`unknown-${i}@example.test`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.info(`[measure] failed sign-in: known email ${median(known).toFixed(0)} ms, unknown email ${median(unknown).toFixed(0)} ms`);
    // Both spend an argon2id verification (tens of milliseconds), not a bare lookup.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it('forgot-password: the same neutral answer for a known and an unknown address; only the known one gets mail', async () => {
    const { user } = await createUser();
    const known = await requestPasswordReset({ email: user.email }, { ip: ip() });
    const unknown = await requestPasswordReset({ email: 'nobody-at-all@example.test' }, { ip: ip() });
    expect(known).toEqual({ message: MESSAGES.forgot });
    expect(unknown).toEqual(known);
    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === user.email)).toHaveLength(1);
    expect(readMailbox().filter((m) => m.to === 'nobody-at-all@example.test')).toHaveLength(0);
  });

  it('register: an existing address gets the same answer, and its owner a warning mail', async () => {
    const { user } = await createUser();
    const input = { name: 'Someone', company: '', password: 'some long passphrase', confirmPassword: 'some long passphrase' };
    const fresh = await registerAccount({ ...input, email: `fresh-${Date.now()}@example.test` }, { ip: ip() });
    const taken = await registerAccount({ ...input, email: user.email.toUpperCase() }, { ip: ip() });
    expect(taken).toEqual(fresh);
    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === user.email).map((m) => m.subject)).toEqual([
      'Someone tried to register with your address',
    ]);
    const [still] = await db.select().from(users).where(eq(users.id, user.id));
    expect(still.passwordHash).toBe(user.passwordHash);
    expect(still.name).toBe(user.name);
  });
});

describe('sign-in outcomes', () => {
  it('success: a grant, last_logged_in updated', async () => {
    const { user, password } = await createUser();
    expect(user.lastLoggedIn).toBeNull();
    const result = await signInWithPassword({ email: ` ${user.email.toUpperCase()} `, password }, { ip: ip() });
    expect(result).toMatchObject({ ok: true, userId: user.id, role: 'CLIENT' });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.lastLoggedIn).toBeInstanceOf(Date);
  });

  it('"deactivated" only after a correct password', async () => {
    const { user, password } = await createUser({ active: false });
    expect(await signInWithPassword({ email: user.email, password: 'wrong password' }, { ip: ip() })).toMatchObject({
      reason: 'invalid',
      message: 'Email or password is incorrect.',
    });
    expect(await signInWithPassword({ email: user.email, password }, { ip: ip() })).toEqual({
      ok: false,
      reason: 'inactive',
      message: 'This account has been deactivated.',
    });
  });

  it('"verify first" only after a correct password', async () => {
    const { user, password } = await createUser({ emailVerified: false });
    expect(await signInWithPassword({ email: user.email, password: 'wrong password' }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
    expect(await signInWithPassword({ email: user.email, password }, { ip: ip() })).toEqual({
      ok: false,
      reason: 'unverified',
      message: 'Please verify your email first.',
    });
  });

  it('an invited account without a password cannot sign in', async () => {
    const { user } = await createUser({ passwordHash: null });
    expect(await signInWithPassword({ email: user.email, password: '' + 'anything at all' }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
  });
});

describe('throttle (PostgreSQL, failed attempts only)', () => {
  it('locks an account after 5 failures in 15 minutes, from any IP, with a "try again in" message', async () => {
    const { user, password } = await createUser();
    expect(RATE_LIMITS.loginAccount).toEqual({ max: 5, windowSeconds: 900 });
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword({ email: user.email, password: `wrong ${i}` }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
    }
    const locked = await signInWithPassword({ email: user.email, password }, { ip: ip() });
    expect(locked).toEqual({ ok: false, reason: 'throttled', message: 'Too many attempts. Try again in 15 minutes.' });
    // The rows hold hashes of the address, never the address itself.
    const rows = await db.select().from(rateLimits).where(like(rateLimits.key, 'loginAccount:%'));
    expect(rows.some((r) => r.key.includes(user.email))).toBe(false);

    // The window ends: the correct password works again.
    await db.update(rateLimits).set({ resetAt: sql`now() - interval '1 second'` }).where(like(rateLimits.key, 'loginAccount:%'));
    expect(await signInWithPassword({ email: user.email, password }, { ip: ip() })).toMatchObject({ ok: true });
  });

  it('successful sign-ins never count, and a success clears the account counter', async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 4; i++) await signInWithPassword({ email: user.email, password: `wrong ${i}` }, { ip: ip() });
    expect(await signInWithPassword({ email: user.email, password }, { ip: ip() })).toMatchObject({ ok: true });
    for (let i = 0; i < 20; i++) expect((await signInWithPassword({ email: user.email, password }, { ip: ip() })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signInWithPassword({ email: user.email, password: `wrong ${i}` }, { ip: ip() });
    expect(await signInWithPassword({ email: user.email, password }, { ip: ip() })).toMatchObject({ ok: true });
  });

  it('limits one IP to 50 failures in 15 minutes across accounts', async () => {
    const attacker = '198.18.0.66';
    for (let i = 0; i < RATE_LIMITS.loginIp.max; i++) {
      await signInWithPassword({ email: `spray-${i}@example.test`, password: 'password guess' }, { ip: attacker });
    }
    const { user, password } = await createUser();
    expect(await signInWithPassword({ email: user.email, password }, { ip: attacker })).toMatchObject({ reason: 'throttled' });
    expect(await signInWithPassword({ email: user.email, password }, { ip: ip() })).toMatchObject({ ok: true });
  });

  it('the owner of a locked account can still reset the password, which lifts the lock', async () => {
    const { user } = await createUser();
    for (let i = 0; i < 6; i++) await signInWithPassword({ email: user.email, password: `wrong ${i}` }, { ip: ip() });
    expect(await signInWithPassword({ email: user.email, password: 'anything' }, { ip: ip() })).toMatchObject({ reason: 'throttled' });
    await requestPasswordReset({ email: user.email }, { ip: ip() });
    await flushDeliveries();
    const link = readMailbox().filter((m) => m.to === user.email).at(-1)!.links.find((l) => l.includes('/reset-password'))!;
    const token = new URL(link).searchParams.get('token')!;
    await resetPassword({ token, password: 'my recovered passphrase', confirmPassword: 'my recovered passphrase' });
    expect(await signInWithPassword({ email: user.email, password: 'my recovered passphrase' }, { ip: ip() })).toMatchObject({ ok: true });
  });

  it('forgot-password and register are limited per IP', async () => {
    const busy = '198.18.1.1';
    for (let i = 0; i < RATE_LIMITS.forgotIp.max; i++) await requestPasswordReset({ email: `x${i}@example.test` }, { ip: busy });
    await expect(requestPasswordReset({ email: 'y@example.test' }, { ip: busy })).rejects.toThrow(/^Too many attempts\. Try again in \d+ minutes?\.$/);

    const input = { name: 'R', company: '', password: 'register passphrase', confirmPassword: 'register passphrase' };
    for (let i = 0; i < RATE_LIMITS.registerIp.max; i++) await registerAccount({ ...input, email: `r${i}-${Date.now()}@example.test` }, { ip: busy });
    await expect(registerAccount({ ...input, email: `late-${Date.now()}@example.test` }, { ip: busy })).rejects.toThrow(UserError);
    const [none] = await db.select().from(users).where(like(users.email, 'late-%'));
    expect(none).toBeUndefined();
  });

  it('says minutes as a person would', () => {
    expect(tooManyAttemptsMessage(899)).toBe('Too many attempts. Try again in 15 minutes.');
    expect(tooManyAttemptsMessage(30)).toBe('Too many attempts. Try again in 1 minute.');
  });

  it('takes the client IP from X-Forwarded-For: first hop behind a trusted proxy, else the nearest', () => {
    const h = new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' });
    expect(clientIp(h, { AUTH_TRUST_HOST: 'true' } as unknown as NodeJS.ProcessEnv)).toBe('203.0.113.9');
    expect(clientIp(h, {} as NodeJS.ProcessEnv)).toBe('10.0.0.2');
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), {} as NodeJS.ProcessEnv)).toBe('127.0.0.1');
    expect(clientIp(new Headers(), {} as NodeJS.ProcessEnv)).toBe('unknown');
    expect(clientIp(new Headers({ 'x-forwarded-for': '<script>' }), {} as NodeJS.ProcessEnv)).toBe('unknown');
  });
});

describe('passwords', () => {
  it('a bcrypt hash ($2b$) verifies and is upgraded to argon2id at the next sign-in', async () => {
    const legacy = await bcryptHash('legacy passphrase 2019', 10);
    const { user } = await createUser({ passwordHash: legacy });
    expect(await signInWithPassword({ email: user.email, password: 'wrong legacy' }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
    const [still] = await db.select().from(users).where(eq(users.id, user.id));
    expect(still.passwordHash).toBe(legacy);

    expect(await signInWithPassword({ email: user.email, password: 'legacy passphrase 2019' }, { ip: ip() })).toMatchObject({ ok: true });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('legacy passphrase 2019', after.passwordHash)).toEqual({ ok: true, needsRehash: false });
    expect(await signInWithPassword({ email: user.email, password: 'legacy passphrase 2019' }, { ip: ip() })).toMatchObject({ ok: true });
  });

  it('hash work is capped per process: a burst of sign-ins queues instead of taking every core', async () => {
    const hash = await hashPassword('a burst of sign-ins');
    const { limit } = hashingLoad();
    expect(limit).toBeGreaterThanOrEqual(1);
    let maxActive = 0;
    const sample = () => (maxActive = Math.max(maxActive, hashingLoad().active));
    const timer = setInterval(sample, 2);
    const burst = [
      ...Array.from({ length: limit + 2 }, (_, i) => verifyPassword(i % 2 ? 'a burst of sign-ins' : 'wrong one', hash)),
      verifyPassword('x', '$argon2id$not-a-hash'), // a failing call must free its slot too
      verifyPassword('x', null), // the dummy verification waits its turn as well
    ];
    // Calls beyond the limit wait in the queue, before any of them started hashing.
    expect(hashingLoad()).toMatchObject({ active: limit, queued: burst.length - limit });
    const results = await Promise.all(burst);
    clearInterval(timer);
    sample();
    expect(maxActive).toBeLessThanOrEqual(limit);
    expect(results.map((r) => r.ok)).toEqual([...Array.from({ length: limit + 2 }, (_, i) => i % 2 === 1), false, false]);
    expect(hashingLoad()).toMatchObject({ active: 0, queued: 0 });
  });

  it("splits the machine's hashing budget between the servers npm start runs on it", () => {
    // One server: half the cores (at least one slot) at a duty of 0.25, as before there were more.
    expect(hashGateLimits({}, 1)).toEqual({ limit: 1, duty: 0.25 });
    expect(hashGateLimits({}, 2)).toEqual({ limit: 1, duty: 0.25 });
    expect(hashGateLimits({}, 8)).toEqual({ limit: 4, duty: 0.25 });
    // Two servers on 2 cores share one slot's worth: one slot each, half the duty.
    expect(hashGateLimits({ WEB_CONCURRENCY: '2' }, 2)).toEqual({ limit: 1, duty: 0.125 });
    expect(hashGateLimits({ WEB_CONCURRENCY: '2' }, 8)).toEqual({ limit: 2, duty: 0.25 });
    expect(hashGateLimits({ WEB_CONCURRENCY: '8' }, 8)).toEqual({ limit: 1, duty: 0.125 });
    expect(hashGateLimits({ WEB_CONCURRENCY: '64' }, 2)).toEqual({ limit: 1, duty: 0.05 });
    // Set values win; a bad one (refused at start-up) leaves the default.
    expect(hashGateLimits({ WEB_CONCURRENCY: '2', PASSWORD_HASH_CONCURRENCY: '3', PASSWORD_HASH_DUTY_CYCLE: '0.5' }, 2)).toEqual({ limit: 3, duty: 0.5 });
    expect(hashGateLimits({ WEB_CONCURRENCY: 'many' }, 2)).toEqual({ limit: 1, duty: 0.25 });
  });

  it('while sign-ins queue, a hashing slot rests 3 × as long as it hashed (duty cycle 0.25); a lone sign-in never rests', async () => {
    const hash = await hashPassword('a storm of sign-ins');
    const { limit, rest } = hashingLoad();
    expect(rest).toBeCloseTo(3); // the default PASSWORD_HASH_DUTY_CYCLE of 0.25
    let maxResting = 0;
    const timer = setInterval(() => (maxResting = Math.max(maxResting, hashingLoad().resting)), 1);
    await verifyPassword('a storm of sign-ins', hash);
    expect(maxResting).toBe(0);
    expect(hashingLoad()).toMatchObject({ active: 0, resting: 0, queued: 0 });

    const results = await Promise.all(Array.from({ length: limit * 3 }, () => verifyPassword('a storm of sign-ins', hash)));
    clearInterval(timer);
    expect(results.every((r) => r.ok)).toBe(true);
    // Each handover to a queued call went through a rest; the last call, with nobody behind it, did not.
    expect(maxResting).toBeGreaterThanOrEqual(1);
    expect(maxResting).toBeLessThanOrEqual(limit);
    expect(hashingLoad()).toMatchObject({ active: 0, resting: 0, queued: 0 });
  });

  it('$2a$ and $2y$ prefixes verify as well', async () => {
    const b = await bcryptHash('another legacy one', 4);
    for (const prefix of ['$2a$', '$2y$']) {
      expect(await verifyPassword('another legacy one', prefix + b.slice(4))).toEqual({ ok: true, needsRehash: true });
    }
  });

  it('a password on the common list is refused with a field message, and nothing is written', async () => {
    expect(isCommonPassword('password1')).toBe(true);
    expect(isCommonPassword('Password1')).toBe(true);
    const email = `common-${Date.now()}@example.test`;
    await expect(
      registerAccount({ name: 'C', company: '', email, password: 'password1', confirmPassword: 'password1' }, { ip: ip() }),
    ).rejects.toMatchObject({ fieldErrors: { password: [MESSAGES.commonPassword] } });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('8 to 128 characters counted as a person counts them; no composition rules', () => {
    const parse = (password: string) =>
      registerSchema.safeParse({ name: 'A', company: '', email: 'a@example.test', password, confirmPassword: password }).success;
    expect(parse('a'.repeat(7))).toBe(false);
    expect(parse('a'.repeat(8))).toBe(true); // no digits, no capitals: fine
    expect(parse('😀'.repeat(8))).toBe(true); // 8 code points (16 UTF-16 units)
    expect(parse('😀'.repeat(7))).toBe(false); // 14 UTF-16 units, but 7 characters
    expect(parse('é'.repeat(128))).toBe(true);
    expect(parse('a'.repeat(129))).toBe(false);
    expect(parse('😀'.repeat(128))).toBe(true); // 256 UTF-16 units, 128 characters
  });

  it('an 80-character password works in full: no truncation (bcrypt would stop at 72 bytes)', async () => {
    const long = 'correct horse battery staple '.repeat(3).slice(0, 80);
    expect(long).toHaveLength(80);
    const { user } = await createUser({ password: long });
    expect(await signInWithPassword({ email: user.email, password: long }, { ip: ip() })).toMatchObject({ ok: true });
    const sameFirst72 = long.slice(0, 72) + 'XXXXXXXX';
    expect(await signInWithPassword({ email: user.email, password: sameFirst72 }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
    expect(await signInWithPassword({ email: user.email, password: long.slice(0, 79) }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
  });

  it('multi-byte passwords (emoji, accents) work exactly as typed', async () => {
    const pw = 'Crème brûlée 🍮 für Zoë – 密码';
    const email = `multibyte-${Date.now()}@example.test`;
    await registerAccount({ name: 'M', company: '', email, password: pw, confirmPassword: pw }, { ip: ip() });
    await db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
    expect(await signInWithPassword({ email, password: pw }, { ip: ip() })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email, password: pw.normalize('NFD') }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
    expect(await signInWithPassword({ email, password: pw.replace('🍮', '🍰') }, { ip: ip() })).toMatchObject({ reason: 'invalid' });
  });

  it('measures one sign-in check (one argon2id verification)', async () => {
    const { user, password } = await createUser();
    await signInWithPassword({ email: user.email, password }, { ip: ip() });
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await signInWithPassword({ email: user.email, password }, { ip: ip() });
      runs.push(performance.now() - t);
    }
    const hashRuns: number[] = [];
    const stored = await hashPassword(password);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await verifyPassword(password, stored);
      hashRuns.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
    console.info(`[measure] signInWithPassword ${median(runs).toFixed(0)} ms; one argon2id verify ${median(hashRuns).toFixed(0)} ms`);
    expect(median(runs)).toBeLessThan(2000);
  });
});
