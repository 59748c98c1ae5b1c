import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  acceptInvitation,
  confirmEmailToken,
  inspectEmailToken,
  inspectResetToken,
  MESSAGES,
  registerAccount,
  requestEmailChange,
  requestPasswordReset,
  resendVerificationByEmail,
  resetPassword,
  signInWithPassword,
} from '@/db/queries/accounts';
import { emailVerifications, passwordResets, users } from '@/db/schema';
import { UserError } from '@/lib/action-result';
import { inviteUser } from '@/lib/auth/invitations';
import { hashToken, TOKEN_TTL_SECONDS } from '@/lib/auth/tokens';
import { flushDeliveries } from '@/lib/email/outbox';
import { createUser, readMailbox } from '../helpers/factories';

// Emailed tokens: single use, expiry, older links voided, only the SHA-256 stored.

let ipCounter = 0;
/** A fresh client IP per call, so the per-IP limits of this file never interfere. */
function freshCtx() {
  ipCounter += 1;
  return { ip: `198.51.100.${ipCounter}` };
}

async function lastLink(to: string, path: string): Promise<string> {
  await flushDeliveries();
  const mail = readMailbox()
    .filter((m) => m.to === to && m.links.some((l) => l.includes(path)))
    .at(-1);
  if (!mail) throw new Error(`no ${path} mail to ${to}`);
  return mail.links.find((l) => l.includes(path))!;
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

async function resetTokenFor(email: string): Promise<string> {
  await requestPasswordReset({ email }, freshCtx());
  return tokenOf(await lastLink(email, '/reset-password'));
}

const NEW = { password: 'a fresh passphrase 1', confirmPassword: 'a fresh passphrase 1' };

beforeEach(async () => {
  await flushDeliveries();
});

describe('token format and storage', () => {
  it('a link carries 32 random bytes in base64url; the table holds only their SHA-256', async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].token).toBe(hashToken(token));
    expect(rows[0].token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('no text column of the token tables or the outbox holds a raw token', async () => {
    const { user } = await createUser();
    const reset = await resetTokenFor(user.email);
    const email = `reg-${Date.now()}@example.test`;
    await registerAccount({ name: 'R', company: '', email, ...NEW }, freshCtx());
    const verify = tokenOf(await lastLink(email, '/verify-email'));
    const { viewer: staff } = await createUser({ role: 'SUPER_ADMIN' });
    const invitee = `inv-${Date.now()}@example.test`;
    await inviteUser(staff, { email: invitee, role: 'CLIENT' });
    const invite = tokenOf(await lastLink(invitee, '/accept-invite'));
    const { viewer, password } = await createUser();
    const changeTo = `new-${Date.now()}@example.test`;
    await requestEmailChange(viewer, { newEmail: changeTo, password });
    const change = tokenOf(await lastLink(changeTo, '/verify-email'));

    const columns = (await db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public'
        and table_name in ('password_resets', 'email_verifications', 'email_outbox', 'rate_limits', 'users')
        and data_type in ('text', 'character varying')
    `)) as unknown as { rows: { table_name: string; column_name: string }[] };
    expect(columns.rows.length).toBeGreaterThan(10);
    for (const raw of [reset, verify, invite, change]) {
      for (const { table_name, column_name } of columns.rows) {
        const found = (await db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table_name)} where position(${raw} in ${sql.identifier(column_name)}) > 0`,
        )) as unknown as { rows: { n: number }[] };
        expect(found.rows[0].n, `${table_name}.${column_name}`).toBe(0);
      }
    }
  });
});

describe('password reset tokens', () => {
  it('work once: the second use fails and changes nothing', async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    await resetPassword({ token, ...NEW });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    await expect(resetPassword({ token, password: 'yet another passphrase', confirmPassword: 'yet another passphrase' })).rejects.toThrow(
      MESSAGES.invalidResetLink,
    );
    const [again] = await db.select().from(users).where(eq(users.id, user.id));
    expect(again.passwordHash).toBe(after.passwordHash);
    expect(again.sessionVersion).toBe(after.sessionVersion);
    expect((await signInWithPassword({ email: user.email, password: NEW.password }, freshCtx())).ok).toBe(true);
  });

  it('expire after 1 hour (the boundary is expires_at > now())', async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.token, hashToken(token)));
    const ttl = (row.expiresAt.getTime() - row.createdAt.getTime()) / 1000;
    expect(Math.abs(ttl - TOKEN_TTL_SECONDS.RESET)).toBeLessThan(5);

    // One second before the end it still works (checked read-only), at the end it does not.
    await db.update(passwordResets).set({ expiresAt: sql`now() + interval '1 second'` }).where(eq(passwordResets.id, row.id));
    expect(await inspectResetToken(token)).toEqual({ valid: true });
    await db.update(passwordResets).set({ expiresAt: sql`now()` }).where(eq(passwordResets.id, row.id));
    expect(await inspectResetToken(token)).toEqual({ valid: false });
    await expect(resetPassword({ token, ...NEW })).rejects.toThrow(UserError);
    const [unchanged] = await db.select().from(passwordResets).where(eq(passwordResets.id, row.id));
    expect(unchanged.used).toBe(false);
  });

  it('a new reset link voids the older unused ones', async () => {
    const { user } = await createUser();
    const first = await resetTokenFor(user.email);
    const second = await resetTokenFor(user.email);
    expect(second).not.toBe(first);
    expect(await inspectResetToken(first)).toEqual({ valid: false });
    await expect(resetPassword({ token: first, ...NEW })).rejects.toThrow(MESSAGES.invalidResetLink);
    await resetPassword({ token: second, ...NEW });
  });

  it('a reset marks the address verified, ends sessions, mails "your password was changed", signs nobody in', async () => {
    const { user } = await createUser({ emailVerified: false });
    const token = await resetTokenFor(user.email);
    const result = await resetPassword({ token, ...NEW });
    expect(result).toEqual({ email: user.email });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.emailVerified).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === user.email).map((m) => m.subject)).toContain('Your password was changed');
  });

  it('a rejected new password (common, too short, mismatched) does not use up the link', async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    await expect(resetPassword({ token, password: 'password1', confirmPassword: 'password1' })).rejects.toThrow(UserError);
    await expect(resetPassword({ token, password: 'short', confirmPassword: 'short' })).rejects.toThrow();
    await expect(resetPassword({ token, password: 'long enough one', confirmPassword: 'long enough two' })).rejects.toThrow();
    expect(await inspectResetToken(token)).toEqual({ valid: true });
  });
});

describe('verification tokens', () => {
  it('verify once; the second use fails', async () => {
    const email = `verify-${Date.now()}@example.test`;
    await registerAccount({ name: 'V', company: 'Co', email, ...NEW }, freshCtx());
    const token = tokenOf(await lastLink(email, '/verify-email'));
    expect(await confirmEmailToken({ token })).toEqual({ kind: 'VERIFIED', email });
    await expect(confirmEmailToken({ token })).rejects.toThrow(MESSAGES.invalidVerifyLink);
    const [row] = await db.select().from(users).where(eq(users.email, email));
    expect(row.emailVerified).toBe(true);
  });

  it('expire after 24 hours', async () => {
    const email = `expire-${Date.now()}@example.test`;
    await registerAccount({ name: 'V', company: '', email, ...NEW }, freshCtx());
    const token = tokenOf(await lastLink(email, '/verify-email'));
    const [row] = await db.select().from(emailVerifications).where(eq(emailVerifications.token, hashToken(token)));
    expect(Math.abs((row.expiresAt.getTime() - row.createdAt.getTime()) / 1000 - TOKEN_TTL_SECONDS.VERIFY)).toBeLessThan(5);
    await db.update(emailVerifications).set({ expiresAt: sql`now() - interval '1 millisecond'` }).where(eq(emailVerifications.id, row.id));
    await expect(confirmEmailToken({ token })).rejects.toThrow(MESSAGES.invalidVerifyLink);
  });

  it('a resend voids the previous link', async () => {
    const email = `resend-${Date.now()}@example.test`;
    await registerAccount({ name: 'V', company: '', email, ...NEW }, freshCtx());
    const first = tokenOf(await lastLink(email, '/verify-email'));
    await resendVerificationByEmail({ email }, freshCtx());
    const second = tokenOf(await lastLink(email, '/verify-email'));
    expect(second).not.toBe(first);
    await expect(confirmEmailToken({ token: first })).rejects.toThrow(UserError);
    await confirmEmailToken({ token: second });
  });

  it('an invitation token is not accepted as a verification token, and vice versa', async () => {
    const { viewer: staff } = await createUser({ role: 'ADMIN' });
    const email = `mixed-${Date.now()}@example.test`;
    await inviteUser(staff, { email, role: 'CLIENT' });
    const invite = tokenOf(await lastLink(email, '/accept-invite'));
    await expect(confirmEmailToken({ token: invite })).rejects.toThrow(UserError);
    expect(await inspectEmailToken(invite, ['VERIFY', 'EMAIL_CHANGE'])).toEqual({ valid: false });
    expect(await inspectEmailToken(invite, ['INVITE'])).toMatchObject({ valid: true, email });
  });
});

describe('invitations', () => {
  it('create a passwordless account with a 7-day single-use link; accepting verifies and grants a sign-in', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN', name: 'Alex Admin' });
    const email = `invite-${Date.now()}@example.test`;
    const { userId } = await inviteUser(admin, { email, role: 'CLIENT', company: 'Invited Co' });
    const [created] = await db.select().from(users).where(eq(users.id, userId));
    expect(created).toMatchObject({ passwordHash: null, emailVerified: false, role: 'CLIENT', company: 'Invited Co' });

    const link = await lastLink(email, '/accept-invite');
    const token = tokenOf(link);
    const [row] = await db.select().from(emailVerifications).where(eq(emailVerifications.token, hashToken(token)));
    expect(row.purpose).toBe('INVITE');
    expect(Math.abs((row.expiresAt.getTime() - row.createdAt.getTime()) / 1000 - TOKEN_TTL_SECONDS.INVITE)).toBeLessThan(5);
    const mail = readMailbox().filter((m) => m.to === email).at(-1)!;
    expect(mail.text).toContain('Alex Admin');

    // Before accepting, the account cannot sign in (no password).
    expect((await signInWithPassword({ email, password: NEW.password }, freshCtx())).ok).toBe(false);

    const accepted = await acceptInvitation({ token, name: 'Ivy Invitee', ...NEW });
    expect(accepted).toMatchObject({ userId, role: 'CLIENT' });
    const [after] = await db.select().from(users).where(eq(users.id, userId));
    expect(after).toMatchObject({ name: 'Ivy Invitee', emailVerified: true });
    await expect(acceptInvitation({ token, name: 'Again', ...NEW })).rejects.toThrow(MESSAGES.invalidInviteLink);
    expect((await signInWithPassword({ email, password: NEW.password }, freshCtx())).ok).toBe(true);
  });

  it('refuse a taken address, and staff roles unless the actor is a SUPER_ADMIN', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: existing } = await createUser();
    await expect(inviteUser(admin, { email: existing.email, role: 'CLIENT' })).rejects.toMatchObject({
      fieldErrors: { email: ['An account with this email already exists.'] },
    });
    await expect(inviteUser(admin, { email: `staff-${Date.now()}@example.test`, role: 'ADMIN' })).rejects.toThrow(UserError);
    const { viewer: client } = await createUser();
    await expect(inviteUser(client, { email: `x-${Date.now()}@example.test`, role: 'CLIENT' })).rejects.toThrow('Not found');
    const { viewer: owner } = await createUser({ role: 'SUPER_ADMIN' });
    await expect(inviteUser(owner, { email: `staff2-${Date.now()}@example.test`, role: 'ADMIN' })).resolves.toHaveProperty('userId');
  });
});

describe('email change', () => {
  it('switches only after the new address confirms; the old address is told; the link works once', async () => {
    const { user, viewer, password } = await createUser();
    const newEmail = `changed-${Date.now()}@example.test`;
    await expect(requestEmailChange(viewer, { newEmail, password: 'wrong password!' })).rejects.toMatchObject({
      fieldErrors: { password: [MESSAGES.wrongCurrentPassword] },
    });
    await requestEmailChange(viewer, { newEmail, password });
    const [before] = await db.select().from(users).where(eq(users.id, user.id));
    expect(before.email).toBe(user.email);

    const token = tokenOf(await lastLink(newEmail, '/verify-email'));
    expect(await inspectEmailToken(token, ['VERIFY', 'EMAIL_CHANGE'])).toMatchObject({ valid: true, purpose: 'EMAIL_CHANGE', newEmail });
    expect(await confirmEmailToken({ token })).toEqual({ kind: 'EMAIL_CHANGED', email: newEmail });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.email).toBe(newEmail);
    await expect(confirmEmailToken({ token })).rejects.toThrow(UserError);

    await flushDeliveries();
    expect(readMailbox().filter((m) => m.to === user.email).map((m) => m.subject)).toContain('Your email address was changed');
    const rows = await db
      .select()
      .from(emailVerifications)
      .where(and(eq(emailVerifications.userId, user.id), eq(emailVerifications.used, false)));
    expect(rows).toHaveLength(0);
  });

  it('voids the reset links that went to the old address', async () => {
    const { viewer, password } = await createUser();
    const reset = await resetTokenFor(viewer.email);
    const newEmail = `changed-reset-${Date.now()}@example.test`;
    await requestEmailChange(viewer, { newEmail, password });
    expect(await inspectResetToken(reset)).toEqual({ valid: true }); // not before the switch
    await confirmEmailToken({ token: tokenOf(await lastLink(newEmail, '/verify-email')) });
    expect(await inspectResetToken(reset)).toEqual({ valid: false });
    await expect(resetPassword({ token: reset, ...NEW })).rejects.toThrow(MESSAGES.invalidResetLink);
  });

  it('refuses an address that is already taken, or the current one', async () => {
    const { viewer, password } = await createUser();
    const { user: other } = await createUser();
    await expect(requestEmailChange(viewer, { newEmail: other.email, password })).rejects.toThrow('already in use');
    await expect(requestEmailChange(viewer, { newEmail: viewer.email.toUpperCase(), password })).rejects.toThrow('already your email');
  });
});
