import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as cronCleanup } from '@/app/api/cron/cleanup/route';
import { db } from '@/db';
import {
  changePassword,
  createFirstSuperAdmin,
  getAccount,
  hasAnyUser,
  MESSAGES,
  registerAccount,
  requestPasswordReset,
  signInWithPassword,
  updateProfile,
} from '@/db/queries/accounts';
import { emailOutbox, emailVerifications, passwordResets, rateLimits, users } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { runCleanup } from '@/lib/auth/cleanup';
import { flushDeliveries, queueEmail } from '@/lib/email/outbox';
import { resetEnvCache } from '@/lib/env';
import * as React from 'react';
import { createUser, readMailbox } from '../helpers/factories';
import { Plain } from './sample-mail';

const ADMIN = { name: 'First Admin', email: 'first@agency.test', password: 'the very first passphrase', confirmPassword: 'the very first passphrase' };

afterEach(() => {
  delete process.env.ALLOW_REGISTRATION;
  delete process.env.CRON_SECRET;
  resetEnvCache();
});

// Runs first: the database of this file starts empty.
describe('first run (/setup)', () => {
  it('creates exactly one SUPER_ADMIN even when two setups race; then it is closed', async () => {
    expect(await hasAnyUser()).toBe(false);
    const results = await Promise.allSettled([
      createFirstSuperAdmin(ADMIN),
      createFirstSuperAdmin({ ...ADMIN, email: 'second@agency.test' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(NotFoundError);
    const all = await db.select().from(users);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ role: 'SUPER_ADMIN', emailVerified: true, active: true });
    expect(await hasAnyUser()).toBe(true);
    await expect(createFirstSuperAdmin({ ...ADMIN, email: 'third@agency.test' })).rejects.toBeInstanceOf(NotFoundError);
    expect((won[0] as PromiseFulfilledResult<{ grant: string }>).value.grant).toBeTruthy();
  });
});

describe('registration', () => {
  it('creates an unverified CLIENT and mails a verification link', async () => {
    const email = `new-${Date.now()}@example.test`;
    const result = await registerAccount(
      { name: ' Nia ', company: 'Nia Ltd', email: email.toUpperCase(), password: 'nia passphrase 123', confirmPassword: 'nia passphrase 123' },
      { ip: '192.0.2.10' },
    );
    expect(result).toEqual({ message: MESSAGES.registered });
    const [row] = await db.select().from(users).where(eq(users.email, email));
    expect(row).toMatchObject({ role: 'CLIENT', emailVerified: false, active: true, name: 'Nia', company: 'Nia Ltd' });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === email).map((m) => m.subject)).toEqual(['Verify your email address']);
  });

  it('is closed when ALLOW_REGISTRATION=false, and writes nothing', async () => {
    process.env.ALLOW_REGISTRATION = 'false';
    resetEnvCache();
    const email = `closed-${Date.now()}@example.test`;
    await expect(
      registerAccount({ name: 'C', company: '', email, password: 'closed passphrase', confirmPassword: 'closed passphrase' }, { ip: '192.0.2.11' }),
    ).rejects.toThrow(MESSAGES.registrationClosed);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const email = `bad-${Date.now()}@example.test`;
    await expect(
      registerAccount({ name: '', company: '', email, password: 'abc', confirmPassword: 'abd' }, { ip: '192.0.2.12' }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });
});

describe('settings', () => {
  it('updates name and company', async () => {
    const { viewer } = await createUser();
    await updateProfile(viewer, { name: '  Renamed  ', company: '' });
    expect(await getAccount(viewer)).toMatchObject({ name: 'Renamed', company: null, email: viewer.email, pendingEmail: null });
    await expect(updateProfile(viewer, { name: '', company: 'x' })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('changes the password only with the current one; bumps session_version; mails the owner', async () => {
    const { user, viewer, password } = await createUser();
    await expect(
      changePassword(viewer, { currentPassword: 'not it at all', newPassword: 'next passphrase one', confirmPassword: 'next passphrase one' }),
    ).rejects.toMatchObject({ fieldErrors: { currentPassword: [MESSAGES.wrongCurrentPassword] } });
    const [unchanged] = await db.select().from(users).where(eq(users.id, user.id));
    expect(unchanged.passwordHash).toBe(user.passwordHash);
    expect(unchanged.sessionVersion).toBe(user.sessionVersion);

    await expect(
      changePassword(viewer, { currentPassword: password, newPassword: 'password1', confirmPassword: 'password1' }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: [MESSAGES.commonPassword] } });

    await changePassword(viewer, { currentPassword: password, newPassword: 'next passphrase one', confirmPassword: 'next passphrase one' });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await signInWithPassword({ email: user.email, password }, { ip: '192.0.2.13' })).ok).toBe(false);
    expect((await signInWithPassword({ email: user.email, password: 'next passphrase one' }, { ip: '192.0.2.13' })).ok).toBe(true);
    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === user.email).map((m) => m.subject)).toContain('Your password was changed');
  });
});

describe('cleanup (npm run db:cleanup, POST /api/cron/cleanup)', () => {
  it('deletes expired unused tokens, old SENT mail and ended rate-limit windows, then retries due mail', async () => {
    const { user } = await createUser();
    const expired = sql`now() - interval '1 minute'`;
    const [r1] = await db.insert(passwordResets).values({ token: 'a'.repeat(64), userId: user.id, expiresAt: expired }).returning();
    const [r2] = await db.insert(passwordResets).values({ token: 'b'.repeat(64), userId: user.id, expiresAt: expired, used: true }).returning();
    const [r3] = await db.insert(passwordResets).values({ token: 'c'.repeat(64), userId: user.id, expiresAt: sql`now() + interval '1 hour'` }).returning();
    const [v1] = await db.insert(emailVerifications).values({ token: 'd'.repeat(64), userId: user.id, expiresAt: expired }).returning();
    const el = React.createElement(Plain);
    const oldSent = await queueEmail(db, { to: 'old@example.test', template: 't', subject: 'old', element: el });
    await db.update(emailOutbox).set({ status: 'SENT', sentAt: sql`now() - interval '31 days'` }).where(eq(emailOutbox.id, oldSent));
    const recentSent = await queueEmail(db, { to: 'recent@example.test', template: 't', subject: 'recent', element: el });
    await db.update(emailOutbox).set({ status: 'SENT', sentAt: sql`now() - interval '29 days'` }).where(eq(emailOutbox.id, recentSent));
    const due = await queueEmail(db, { to: 'due@example.test', template: 't', subject: 'due later', element: el });
    await db.insert(rateLimits).values([
      { key: 'test:ended', hits: 3, resetAt: expired },
      { key: 'test:live', hits: 3, resetAt: sql`now() + interval '5 minutes'` },
    ]);

    const report = await runCleanup();
    expect(report.passwordResets).toBeGreaterThanOrEqual(1);
    expect(report.emailVerifications).toBeGreaterThanOrEqual(1);
    expect(report.sentMail).toBe(1);
    expect(report.rateLimits).toBeGreaterThanOrEqual(1);
    expect(report.outbox.sent).toBeGreaterThanOrEqual(1);

    const ids = (await db.select({ id: passwordResets.id }).from(passwordResets)).map((r) => r.id);
    expect(ids).not.toContain(r1.id);
    expect(ids).toContain(r2.id); // used: kept (the spec deletes only unused expired tokens)
    expect(ids).toContain(r3.id);
    expect((await db.select().from(emailVerifications).where(eq(emailVerifications.id, v1.id))).length).toBe(0);
    const outbox = await db.select().from(emailOutbox);
    expect(outbox.find((m) => m.id === oldSent)).toBeUndefined();
    expect(outbox.find((m) => m.id === recentSent)).toBeDefined();
    expect(outbox.find((m) => m.id === due)?.status).toBe('SENT');
    const keys = (await db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).toContain('test:live');
    expect(keys).not.toContain('test:ended');
  });

  it('the cron route: 503 without CRON_SECRET, 401 without the right bearer, counts with it', async () => {
    const call = (auth?: string) =>
      cronCleanup(new Request('http://localhost/api/cron/cleanup', { method: 'POST', headers: auth ? { authorization: auth } : {} }));
    expect((await call('Bearer whatever-secret-value')).status).toBe(503);

    process.env.CRON_SECRET = 'a-cron-secret-for-tests';
    resetEnvCache();
    expect((await call()).status).toBe(401);
    expect((await call('Bearer a-cron-secret-for-test')).status).toBe(401);
    expect((await call('Bearer a-cron-secret-for-testsX')).status).toBe(401);
    expect((await call('Basic a-cron-secret-for-tests')).status).toBe(401);
    const ok = await call('Bearer a-cron-secret-for-tests');
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ ok: true, passwordResets: expect.any(Number), sentMail: expect.any(Number), outbox: { sent: expect.any(Number) } });
  });

  it('forgot-password for an inactive account sends nothing (same answer)', async () => {
    const { user } = await createUser({ active: false });
    expect(await requestPasswordReset({ email: user.email }, { ip: '192.0.2.14' })).toEqual({ message: MESSAGES.forgot });
    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === user.email)).toHaveLength(0);
  });

  it('UserError is what the actions turn into messages', () => {
    expect(new UserError('x', { a: ['b'] }).fieldErrors).toEqual({ a: ['b'] });
  });
});
