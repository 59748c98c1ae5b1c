import { ACTIONS, logActivity } from './activity-log';
import { and, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { emailVerifications, passwordResets, rateLimits, users, type Role } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { SESSION_MAX_SECONDS, type SessionUserRow, type Viewer } from '@/lib/auth/claims';
import { createLoginGrant, readLoginGrant } from '@/lib/auth/grant';
import { hashPassword, isCommonPassword, verifyPassword } from '@/lib/auth/passwords';
import { isStaff } from '@/lib/auth/roles';
import { hashToken, issueToken } from '@/lib/auth/tokens';
import {
  queueEmailChangeConfirm,
  queueEmailChangedNotice,
  queueInvitation,
  queuePasswordChanged,
  queuePasswordReset,
  queueRegistrationAttempt,
  queueVerifyEmail,
  renderResetForTiming,
} from '@/lib/email/account-mails';
import { deliverSoon } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import { checkLimits, clearLimit, hitLimit, tooManyAttemptsMessage } from '@/lib/rate-limit';
import {
  acceptInviteSchema,
  changeEmailSchema,
  changePasswordSchema,
  emailOnlySchema,
  inviteSchema,
  loginSchema,
  profileSchema,
  registerSchema,
  resetPasswordSchema,
  setupSchema,
  tokenSchema,
} from '@/lib/validation/auth';
import { claimOnce } from './rate-limits';

// Accounts: sign-in checks, registration, email tokens (verify, reset, invite, email change),
// first-run setup, settings and session loading (ARCHITECTURE.md "Authentication and
// authorization"; docs/decisions/005). Functions that run before anyone is signed in take the
// request context (client IP for the throttle) instead of a viewer. Input is validated here with
// the shared zod schemas (a ZodError reaches the action, which turns it into field errors).

export type RequestContext = { ip: string };

export const MESSAGES = {
  invalidCredentials: 'Email or password is incorrect.',
  inactive: 'This account has been deactivated.',
  unverified: 'Please verify your email first.',
  commonPassword: 'This password is too common. Choose another one.',
  registered: 'Check your inbox: we sent a link to confirm your email address.',
  registrationClosed: 'Registration is closed. Please ask us for an invitation.',
  forgot: 'If an account exists for that address, we sent a link to reset the password. It expires in 1 hour.',
  resent: 'If that account still needs verifying, we sent a new link. Check your inbox.',
  invalidVerifyLink: 'This link is invalid, has expired or has already been used.',
  invalidResetLink: 'This reset link is invalid, has expired or has already been used. Ask for a new one.',
  invalidInviteLink: 'This invitation is invalid, has expired or has already been used. Ask us for a new one.',
  wrongCurrentPassword: 'Current password is incorrect.',
} as const;

const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  company: users.company,
  role: users.role,
  emailVerified: users.emailVerified,
  active: users.active,
  sessionVersion: users.sessionVersion,
};

function assertNotCommon(password: string, field: string): void {
  if (isCommonPassword(password)) throw new UserError(MESSAGES.commonPassword, { [field]: [MESSAGES.commonPassword] });
}

const now = sql`now()`;

// ───────────────────────────── sessions ─────────────────────────────

function signedOutKey(sid: string): string {
  return `signout:${sid}`;
}

/**
 * The row session validation needs (lib/auth/session.ts, once per request). With the session's
 * `sid`, it also says whether that session was signed out (one query either way).
 */
export async function loadSessionUser(id: string, sid?: string): Promise<SessionUserRow | null> {
  const signedOut =
    sid === undefined
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from ${rateLimits} where ${rateLimits.key} = ${signedOutKey(sid)})`;
  const [row] = await db
    .select({ ...sessionColumns, signedOut })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Sign-out, on the server: the session (its `sid`) is recorded as ended, so its JWT is refused
 * even if the browser kept a copy or someone else holds one. The record lasts as long as the
 * session could have (30 days from sign-in), then the cleanup pass removes it.
 */
export async function endSession(claims: { sid: string; authTime: number }): Promise<void> {
  await claimOnce(db, signedOutKey(claims.sid), new Date((claims.authTime + SESSION_MAX_SECONDS) * 1000));
}

/** Ends every session of the user: their JWTs carry the old session_version from now on. */
export async function bumpSessionVersion(tx: DbOrTx, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

// ───────────────────────────── sign-in ─────────────────────────────

export type SignInResult =
  | { ok: true; userId: string; role: Role; grant: string }
  | { ok: false; reason: 'invalid' | 'throttled' | 'inactive' | 'unverified'; message: string };

/**
 * Everything a password sign-in decides, before Auth.js issues the session: the throttle, the
 * password (a dummy verification for unknown addresses), the bcrypt → argon2id upgrade, then
 * "deactivated" and "unverified" — told only to someone who knew the password. Success updates
 * last_logged_in and returns a one-time login grant for `signIn('credentials', { grant })`.
 */
export async function signInWithPassword(input: unknown, ctx: RequestContext): Promise<SignInResult> {
  const { email, password } = loginSchema.parse(input);

  const throttle = await checkLimits(db, [
    ['loginAccount', email],
    ['loginIp', ctx.ip],
  ]);
  if (throttle.limited) {
    return { ok: false, reason: 'throttled', message: tooManyAttemptsMessage(throttle.retryAfterSeconds) };
  }

  const [user] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const check = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !check.ok) {
    // The throttle's counters and the activity entry are one write: both or neither.
    await db.transaction(async (tx) => {
      await hitLimit(tx, 'loginAccount', email);
      await hitLimit(tx, 'loginIp', ctx.ip);
      await logActivity(tx, {
        actorId: null,
        action: ACTIONS.signInFailed,
        entityType: 'user',
        entityId: user?.id ?? email,
        ip: ctx.ip,
      });
    });
    return { ok: false, reason: 'invalid', message: MESSAGES.invalidCredentials };
  }

  if (throttle.hits.loginAccount) await clearLimit(db, 'loginAccount', email);
  const upgraded = check.needsRehash ? await hashPassword(password) : null;
  const allowed = user.active && user.emailVerified;
  if (upgraded || allowed) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ ...(upgraded ? { passwordHash: upgraded } : {}), ...(allowed ? { lastLoggedIn: now } : {}) })
        .where(eq(users.id, user.id));
      if (allowed) {
        await logActivity(tx, { actorId: user.id, action: ACTIONS.signIn, entityType: 'user', entityId: user.id, ip: ctx.ip });
      }
    });
  }
  if (!user.active) return { ok: false, reason: 'inactive', message: MESSAGES.inactive };
  if (!user.emailVerified) return { ok: false, reason: 'unverified', message: MESSAGES.unverified };
  return { ok: true, userId: user.id, role: user.role, grant: createLoginGrant(user) };
}

export type GrantedUser = { id: string; email: string; name: string | null; role: Role; sessionVersion: number };

/**
 * Auth.js' Credentials `authorize`: the user named by a valid, unused login grant, provided the
 * account is still active, verified and on the same session_version. Null otherwise.
 */
export async function userForLoginGrant(grant: unknown): Promise<GrantedUser | null> {
  const content = readLoginGrant(grant);
  if (!content) return null;
  const fresh = await claimOnce(db, `grant:${content.nonce}`, new Date(content.expiresAt * 1000));
  if (!fresh) return null;
  const row = await loadSessionUser(content.userId);
  if (!row || !row.active || !row.emailVerified || row.sessionVersion !== content.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion };
}

// ───────────────────────────── registration and verification ─────────────────────────────

/**
 * Registers a CLIENT (unverified) and mails a 24-hour verification link. For an address that
 * already has an account nothing is created, the owner is told by mail, and the answer is the
 * same. Throws UserError when registration is closed or the IP is throttled.
 */
export async function registerAccount(input: unknown, ctx: RequestContext): Promise<{ message: string }> {
  if (!env().ALLOW_REGISTRATION) throw new UserError(MESSAGES.registrationClosed);
  const data = registerSchema.parse(input);
  assertNotCommon(data.password, 'password');

  const limit = await hitLimit(db, 'registerIp', ctx.ip);
  if (limit.limited) throw new UserError(tooManyAttemptsMessage(limit.retryAfterSeconds));

  // Hashed in both cases, so a known address answers as slowly as a new one.
  const passwordHash = await hashPassword(data.password);
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        company: data.company || null,
        passwordHash,
        role: 'CLIENT',
        emailVerified: false,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (created) {
      const t = issueToken('VERIFY');
      await tx.insert(emailVerifications).values({ token: t.hash, userId: created.id, expiresAt: t.expiresAt, purpose: 'VERIFY' });
      ids.push(await queueVerifyEmail(tx, { to: created.email, name: created.name, token: t.token }));
    } else {
      const quiet = await hitLimit(tx, 'registerAccount', data.email);
      if (!quiet.limited) {
        const [owner] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.email, data.email));
        if (owner) ids.push(await queueRegistrationAttempt(tx, { to: owner.email, name: owner.name }));
      }
    }
  });
  deliverSoon(ids);
  return { message: MESSAGES.registered };
}

type EmailTokenPurpose = 'VERIFY' | 'INVITE' | 'EMAIL_CHANGE';

export type TokenLookup =
  | { valid: true; purpose: EmailTokenPurpose; email: string; name: string | null; newEmail: string | null }
  | { valid: false };

/** Read-only look at an emailed token (pages show the right form or the "invalid link" state). */
export async function inspectEmailToken(token: unknown, purposes: EmailTokenPurpose[]): Promise<TokenLookup> {
  const parsed = tokenSchema.safeParse({ token });
  if (!parsed.success) return { valid: false };
  const [row] = await db
    .select({
      purpose: emailVerifications.purpose,
      newEmail: emailVerifications.newEmail,
      email: users.email,
      name: users.name,
    })
    .from(emailVerifications)
    .innerJoin(users, eq(users.id, emailVerifications.userId))
    .where(
      and(
        eq(emailVerifications.token, hashToken(parsed.data.token)),
        eq(emailVerifications.used, false),
        gt(emailVerifications.expiresAt, now),
        inArray(emailVerifications.purpose, purposes),
      ),
    )
    .limit(1);
  return row ? { valid: true, ...row } : { valid: false };
}

/** Read-only look at a reset token. */
export async function inspectResetToken(token: unknown): Promise<{ valid: boolean }> {
  const parsed = tokenSchema.safeParse({ token });
  if (!parsed.success) return { valid: false };
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(eq(passwordResets.token, hashToken(parsed.data.token)), eq(passwordResets.used, false), gt(passwordResets.expiresAt, now)),
    )
    .limit(1);
  return { valid: !!row };
}

/**
 * Consumes a VERIFY or EMAIL_CHANGE token (one atomic UPDATE … RETURNING). VERIFY marks the
 * address verified; EMAIL_CHANGE switches the account to the new address (now verified) and
 * tells the old one. Throws UserError for an invalid, used or expired token.
 */
export async function confirmEmailToken(input: unknown): Promise<{ kind: 'VERIFIED' | 'EMAIL_CHANGED'; email: string }> {
  const parsed = tokenSchema.safeParse(input);
  if (!parsed.success) throw new UserError(MESSAGES.invalidVerifyLink);
  const ids: string[] = [];
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailVerifications)
      .set({ used: true })
      .where(
        and(
          eq(emailVerifications.token, hashToken(parsed.data.token)),
          eq(emailVerifications.used, false),
          gt(emailVerifications.expiresAt, now),
          inArray(emailVerifications.purpose, ['VERIFY', 'EMAIL_CHANGE']),
        ),
      )
      .returning({ userId: emailVerifications.userId, purpose: emailVerifications.purpose, newEmail: emailVerifications.newEmail });
    if (!row) throw new UserError(MESSAGES.invalidVerifyLink);

    if (row.purpose === 'VERIFY') {
      const [user] = await tx
        .update(users)
        .set({ emailVerified: true })
        .where(eq(users.id, row.userId))
        .returning({ email: users.email });
      await voidTokens(tx, row.userId, 'VERIFY');
      return { kind: 'VERIFIED' as const, email: user.email };
    }

    const newEmail = row.newEmail;
    if (!newEmail) throw new UserError(MESSAGES.invalidVerifyLink);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
    if (taken && taken.id !== row.userId) {
      throw new UserError('That email address is now used by another account. Choose a different one in Settings.');
    }
    const [before] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, row.userId)).for('update');
    await tx.update(users).set({ email: newEmail, emailVerified: true }).where(eq(users.id, row.userId));
    await voidTokens(tx, row.userId, 'EMAIL_CHANGE');
    // Reset links went to the old address: whoever reads that mailbox now must not take over.
    await voidPasswordResets(tx, row.userId);
    ids.push(await queueEmailChangedNotice(tx, { to: before.email, name: before.name, newEmail }));
    await logActivity(tx, {
      actorId: row.userId,
      action: ACTIONS.emailChanged,
      entityType: 'user',
      entityId: row.userId,
      details: { from: before.email, to: newEmail },
    });
    return { kind: 'EMAIL_CHANGED' as const, email: newEmail };
  });
  deliverSoon(ids);
  return result;
}

/**
 * Voids every unused reset link of the user: after a new link is issued, a password change or
 * reset, and an email change (the links went to the old address).
 */
export async function voidPasswordResets(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ used: true })
    .where(and(eq(passwordResets.userId, userId), eq(passwordResets.used, false)));
}

async function voidTokens(tx: DbOrTx, userId: string, purpose: EmailTokenPurpose): Promise<void> {
  await tx
    .update(emailVerifications)
    .set({ used: true })
    .where(and(eq(emailVerifications.userId, userId), eq(emailVerifications.purpose, purpose), eq(emailVerifications.used, false)));
}

async function issueVerification(tx: DbOrTx, user: { id: string; email: string; name: string | null }): Promise<string> {
  await voidTokens(tx, user.id, 'VERIFY');
  const t = issueToken('VERIFY');
  await tx.insert(emailVerifications).values({ token: t.hash, userId: user.id, expiresAt: t.expiresAt, purpose: 'VERIFY' });
  return queueVerifyEmail(tx, { to: user.email, name: user.name, token: t.token });
}

/** "Send a new link" (sign-in page, expired link page): neutral answer, silently limited per address. */
export async function resendVerificationByEmail(input: unknown, ctx: RequestContext): Promise<{ message: string }> {
  const { email } = emailOnlySchema.parse(input);
  const limit = await hitLimit(db, 'resendIp', ctx.ip);
  if (limit.limited) throw new UserError(tooManyAttemptsMessage(limit.retryAfterSeconds));
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, emailVerified: users.emailVerified, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const ids: string[] = [];
  if (user && !user.emailVerified && user.active && user.passwordHash) {
    const quiet = await hitLimit(db, 'resendAccount', email);
    if (!quiet.limited) {
      await db.transaction(async (tx) => {
        ids.push(await issueVerification(tx, user));
      });
    }
  }
  deliverSoon(ids);
  return { message: MESSAGES.resent };
}

// ───────────────────────────── password reset ─────────────────────────────

/**
 * Forgot-password: for an active account, voids older unused reset links and mails a new 1-hour
 * one. The answer never says whether the address has an account.
 */
export async function requestPasswordReset(input: unknown, ctx: RequestContext): Promise<{ message: string }> {
  const { email } = emailOnlySchema.parse(input);
  const limit = await hitLimit(db, 'forgotIp', ctx.ip);
  if (limit.limited) throw new UserError(tooManyAttemptsMessage(limit.retryAfterSeconds));

  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const ids: string[] = [];
  if (user?.active && !(await hitLimit(db, 'forgotAccount', email)).limited) {
    await db.transaction(async (tx) => {
      await voidPasswordResets(tx, user.id);
      const t = issueToken('RESET');
      await tx.insert(passwordResets).values({ token: t.hash, userId: user.id, expiresAt: t.expiresAt });
      ids.push(await queuePasswordReset(tx, { to: user.email, name: user.name, token: t.token }));
    });
  } else {
    await renderResetForTiming();
  }
  deliverSoon(ids);
  return { message: MESSAGES.forgot };
}

/**
 * Sets a new password from a reset link: consumes the token atomically, voids the user's other
 * reset links, marks the address verified, ends every session (session_version + 1), lifts the
 * sign-in throttle on the account and mails "your password was changed". No sign-in follows.
 */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const data = resetPasswordSchema.parse(input);
  assertNotCommon(data.password, 'password');
  const passwordHash = await hashPassword(data.password);
  const ids: string[] = [];
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordResets)
      .set({ used: true })
      .where(and(eq(passwordResets.token, hashToken(data.token)), eq(passwordResets.used, false), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!row) throw new UserError(MESSAGES.invalidResetLink);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerified: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, row.userId))
      .returning({ email: users.email, name: users.name });
    await voidPasswordResets(tx, row.userId);
    await clearLimit(tx, 'loginAccount', user.email);
    ids.push(await queuePasswordChanged(tx, { to: user.email, name: user.name }));
    await logActivity(tx, {
      actorId: row.userId,
      action: ACTIONS.passwordChanged,
      entityType: 'user',
      entityId: row.userId,
      details: { via: 'reset' },
    });
    return { email: user.email };
  });
  deliverSoon(ids);
  return result;
}

// ───────────────────────────── invitations ─────────────────────────────

function assertMayInvite(actor: Viewer, role: Role): void {
  if (!isStaff(actor.role)) throw new NotFoundError();
  if (role !== 'CLIENT' && actor.role !== 'SUPER_ADMIN') {
    throw new UserError('Only a super admin can invite staff.', { role: ['Only a super admin can invite staff.'] });
  }
}

async function issueInvitation(
  tx: DbOrTx,
  actor: Viewer,
  user: { id: string; email: string; name: string | null; role: Role },
): Promise<string> {
  await voidTokens(tx, user.id, 'INVITE');
  const t = issueToken('INVITE');
  await tx.insert(emailVerifications).values({ token: t.hash, userId: user.id, expiresAt: t.expiresAt, purpose: 'INVITE' });
  return queueInvitation(tx, { to: user.email, name: user.name, token: t.token, role: user.role, inviterName: actor.name });
}

/** Creates a passwordless, unverified account with the role and mails a 7-day invitation link. */
export async function inviteAccount(actor: Viewer, input: unknown): Promise<{ userId: string }> {
  if (!isStaff(actor.role)) throw new NotFoundError();
  const data = inviteSchema.parse(input);
  assertMayInvite(actor, data.role);
  const ids: string[] = [];
  const userId = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name?.trim() || null,
        company: data.company?.trim() || null,
        role: data.role,
        passwordHash: null,
        emailVerified: false,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!created) {
      throw new UserError('An account with this email already exists.', { email: ['An account with this email already exists.'] });
    }
    ids.push(await issueInvitation(tx, actor, created));
    return created.id;
  });
  deliverSoon(ids);
  return { userId };
}

/** A new 7-day invitation link (older ones stop working) for an account that has not accepted yet. */
export async function resendInvitationFor(actor: Viewer, userId: string): Promise<void> {
  if (!isStaff(actor.role)) throw new NotFoundError();
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!user) throw new NotFoundError();
    assertMayInvite(actor, user.role);
    if (user.passwordHash) throw new UserError('This invitation has already been accepted.');
    ids.push(await issueInvitation(tx, actor, user));
  });
  deliverSoon(ids);
}

/** A new verification link for a registered account that has not verified its address. */
export async function resendVerificationFor(actor: Viewer, userId: string): Promise<void> {
  if (!isStaff(actor.role)) throw new NotFoundError();
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, emailVerified: users.emailVerified, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!user) throw new NotFoundError();
    if (user.role !== 'CLIENT' && actor.role !== 'SUPER_ADMIN') throw new NotFoundError();
    if (user.emailVerified) throw new UserError('This email address is already verified.');
    if (!user.passwordHash) throw new UserError('This account has not accepted its invitation yet: resend the invitation instead.');
    ids.push(await issueVerification(tx, user));
  });
  deliverSoon(ids);
}

/**
 * Accepts an invitation: consumes the token, sets name and password, marks the address verified
 * and returns a login grant so the action signs the user in.
 */
export async function acceptInvitation(input: unknown): Promise<{ userId: string; role: Role; grant: string }> {
  const data = acceptInviteSchema.parse(input);
  assertNotCommon(data.password, 'password');
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailVerifications)
      .set({ used: true })
      .where(
        and(
          eq(emailVerifications.token, hashToken(data.token)),
          eq(emailVerifications.used, false),
          gt(emailVerifications.expiresAt, now),
          eq(emailVerifications.purpose, 'INVITE'),
        ),
      )
      .returning({ userId: emailVerifications.userId });
    if (!row) throw new UserError(MESSAGES.invalidInviteLink);
    const [user] = await tx
      .update(users)
      .set({ name: data.name, passwordHash, emailVerified: true, lastLoggedIn: now })
      .where(eq(users.id, row.userId))
      .returning({ id: users.id, role: users.role, active: users.active, sessionVersion: users.sessionVersion });
    if (!user.active) throw new UserError(MESSAGES.inactive); // rolls back: the link stays unused
    await voidTokens(tx, user.id, 'INVITE');
    return { userId: user.id, role: user.role, grant: createLoginGrant(user) };
  });
}

// ───────────────────────────── first run ─────────────────────────────

export async function hasAnyUser(): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

const SETUP_LOCK = 7_415_001;

/**
 * Creates the first SUPER_ADMIN (verified) while no user exists; NotFoundError once any does.
 * The check and the insert run under one transaction-scoped advisory lock, so two concurrent
 * setups cannot both win.
 */
export async function createFirstSuperAdmin(input: unknown): Promise<{ userId: string; role: Role; grant: string }> {
  if (await hasAnyUser()) throw new NotFoundError();
  const data = setupSchema.parse(input);
  assertNotCommon(data.password, 'password');
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if (Number(existing?.n ?? 0) > 0) throw new NotFoundError();
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        passwordHash,
        role: 'SUPER_ADMIN',
        emailVerified: true,
        active: true,
        lastLoggedIn: now,
      })
      .returning({ id: users.id, role: users.role, sessionVersion: users.sessionVersion });
    return { userId: user.id, role: user.role, grant: createLoginGrant(user) };
  });
}

// ───────────────────────────── settings ─────────────────────────────

export type AccountDetails = {
  email: string;
  name: string | null;
  company: string | null;
  role: Role;
  /** An address waiting for its confirmation link, if any. */
  pendingEmail: string | null;
};

export async function getAccount(viewer: Viewer): Promise<AccountDetails> {
  const [user] = await db
    .select({ email: users.email, name: users.name, company: users.company, role: users.role })
    .from(users)
    .where(eq(users.id, viewer.id))
    .limit(1);
  if (!user) throw new NotFoundError();
  const [pending] = await db
    .select({ newEmail: emailVerifications.newEmail })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.userId, viewer.id),
        eq(emailVerifications.purpose, 'EMAIL_CHANGE'),
        eq(emailVerifications.used, false),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .orderBy(desc(emailVerifications.createdAt))
    .limit(1);
  return { ...user, pendingEmail: pending?.newEmail ?? null };
}

export async function updateProfile(viewer: Viewer, input: unknown): Promise<{ name: string; company: string | null }> {
  const data = profileSchema.parse(input);
  const [row] = await db
    .update(users)
    .set({ name: data.name, company: data.company || null })
    .where(eq(users.id, viewer.id))
    .returning({ name: users.name, company: users.company });
  if (!row) throw new NotFoundError();
  return { name: row.name ?? data.name, company: row.company };
}

/** Checks the viewer's password for a settings change, with the sign-in throttle of the account. */
async function confirmPassword(viewer: Viewer, password: string, field: string): Promise<void> {
  const limit = await checkLimits(db, [['loginAccount', viewer.email]]);
  if (limit.limited) throw new UserError(tooManyAttemptsMessage(limit.retryAfterSeconds));
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id)).limit(1);
  const check = await verifyPassword(password, row?.passwordHash ?? null);
  if (!check.ok) {
    await hitLimit(db, 'loginAccount', viewer.email);
    throw new UserError(MESSAGES.wrongCurrentPassword, { [field]: [MESSAGES.wrongCurrentPassword] });
  }
}

/**
 * Changes the password (the current one is required), ends every session of the user
 * (session_version + 1), voids unused reset links and mails "your password was changed".
 * Returns a login grant with the new version, so the action re-issues THIS session's cookie.
 */
export async function changePassword(viewer: Viewer, input: unknown): Promise<{ grant: string }> {
  const data = changePasswordSchema.parse(input);
  assertNotCommon(data.newPassword, 'newPassword');
  await confirmPassword(viewer, data.currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(data.newPassword);
  const ids: string[] = [];
  const grant = await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, viewer.id))
      .returning({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion });
    if (!user) throw new NotFoundError();
    await voidPasswordResets(tx, viewer.id);
    ids.push(await queuePasswordChanged(tx, { to: user.email, name: user.name }));
    await logActivity(tx, {
      actorId: viewer.id,
      action: ACTIONS.passwordChanged,
      entityType: 'user',
      entityId: viewer.id,
      details: { via: 'settings' },
    });
    return createLoginGrant(user);
  });
  deliverSoon(ids);
  return { grant };
}

/**
 * Starts an email change (password required): mails a 24-hour confirmation link to the new
 * address; the account keeps its current address until the link is used (confirmEmailToken).
 */
export async function requestEmailChange(viewer: Viewer, input: unknown): Promise<{ message: string }> {
  const data = changeEmailSchema.parse(input);
  if (data.newEmail === viewer.email) {
    throw new UserError('This is already your email address.', { newEmail: ['This is already your email address.'] });
  }
  await confirmPassword(viewer, data.password, 'password');
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.newEmail)).limit(1);
  if (taken) {
    throw new UserError('That email address is already in use.', { newEmail: ['That email address is already in use.'] });
  }
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    await voidTokens(tx, viewer.id, 'EMAIL_CHANGE');
    const t = issueToken('EMAIL_CHANGE');
    await tx.insert(emailVerifications).values({
      token: t.hash,
      userId: viewer.id,
      expiresAt: t.expiresAt,
      purpose: 'EMAIL_CHANGE',
      newEmail: data.newEmail,
    });
    ids.push(await queueEmailChangeConfirm(tx, { to: data.newEmail, name: viewer.name, token: t.token }));
  });
  deliverSoon(ids);
  return { message: `We sent a confirmation link to ${data.newEmail}. Your address changes once you open it.` };
}

// ───────────────────────────── cleanup ─────────────────────────────

/** The spec's cleanup procedure: expired tokens that were never used. */
export async function deleteExpiredTokens(tx: DbOrTx): Promise<{ passwordResets: number; emailVerifications: number }> {
  const resets = await tx
    .delete(passwordResets)
    .where(and(lt(passwordResets.expiresAt, now), eq(passwordResets.used, false)))
    .returning({ id: passwordResets.id });
  const verifications = await tx
    .delete(emailVerifications)
    .where(and(lt(emailVerifications.expiresAt, now), eq(emailVerifications.used, false)))
    .returning({ id: emailVerifications.id });
  return { passwordResets: resets.length, emailVerifications: verifications.length };
}

