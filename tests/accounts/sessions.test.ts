import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authConfig } from '@/auth.config';
import { db } from '@/db';
import { changePassword, endSession, loadSessionUser, requestPasswordReset, resetPassword, userForLoginGrant } from '@/db/queries/accounts';
import { users } from '@/db/schema';
import {
  readClaims,
  SESSION_IDLE_SECONDS,
  SESSION_MAX_SECONDS,
  SESSION_REFRESH_SECONDS,
  touchClaims,
  validateSession,
  type SessionClaims,
} from '@/lib/auth/claims';
import { createLoginGrant } from '@/lib/auth/grant';
import { endSessions } from '@/lib/auth/revocation';
import { flushDeliveries } from '@/lib/email/outbox';
import { createUser, readMailbox } from '../helpers/factories';

// Session rules as pure functions over (claims, user row, now), plus the revocation cases on a
// real database: what getViewer() does on each request, without a request.

const T0 = 1_800_000_000;

/** The claims the jwt callback writes at sign-in. */
async function signInClaims(user: { id: string; email: string; name: string | null; role: 'CLIENT' | 'ADMIN' | 'SUPER_ADMIN'; sessionVersion: number }, now = T0) {
  const jwt = authConfig.callbacks.jwt as unknown as (a: Record<string, unknown>) => Record<string, unknown> | null;
  const token = jwt({ token: { sub: user.id, email: user.email, name: user.name }, user, trigger: 'signIn' });
  expect(token).not.toBeNull();
  return { ...(readClaims(token) as SessionClaims), authTime: now, lastActive: now };
}

async function viewerNow(claims: SessionClaims, now = T0 + 60) {
  return validateSession(claims, await loadSessionUser(claims.id, claims.sid), now);
}

describe('the jwt callback (auth.config.ts, also run by the proxy)', () => {
  const jwt = authConfig.callbacks.jwt as unknown as (a: Record<string, unknown>) => Record<string, unknown> | null;

  it('copies id, role, sessionVersion and the sign-in time at sign-in', () => {
    const token = jwt({ token: { sub: 'u1' }, user: { id: 'u1', role: 'CLIENT', sessionVersion: 3 } });
    expect(token).toMatchObject({ id: 'u1', role: 'CLIENT', sessionVersion: 3, sid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const again = jwt({ token: { sub: 'u1' }, user: { id: 'u1', role: 'CLIENT', sessionVersion: 3 } });
    expect(again?.sid).not.toBe(token?.sid);
    expect(typeof token?.authTime).toBe('number');
    expect(token?.lastActive).toBe(token?.authTime);
  });

  it('refuses a user without our claims', () => {
    expect(jwt({ token: {}, user: { id: 'u1' } })).toBeNull();
  });

  it('never takes claims from a client "update"', () => {
    const now = Math.floor(Date.now() / 1000);
    const token = { id: 'u1', sid: 's1', role: 'CLIENT', sessionVersion: 1, authTime: now, lastActive: now };
    const updated = jwt({ token, trigger: 'update', session: { sessionVersion: 99, role: 'SUPER_ADMIN' } });
    expect(updated).toMatchObject({ sessionVersion: 1, role: 'CLIENT' });
  });

  it('ends malformed tokens', () => {
    expect(jwt({ token: { id: 'u1', sid: 's1', role: 'KING', sessionVersion: 1, authTime: 1 } })).toBeNull();
    expect(jwt({ token: { id: 'u1', role: 'CLIENT', sessionVersion: 1, authTime: 1 } })).toBeNull(); // no sid
    expect(jwt({ token: { sub: 'u1' } })).toBeNull();
  });
});

describe('idle timeout and 30-day cap (touchClaims / validateSession)', () => {
  const base = { id: 'u1', sid: 's1', sessionVersion: 0, authTime: T0, lastActive: T0 };

  it('a client session idles out after 7 days, a staff session after 12 hours', () => {
    expect(SESSION_IDLE_SECONDS.CLIENT).toBe(7 * 86_400);
    expect(SESSION_IDLE_SECONDS.ADMIN).toBe(12 * 3_600);
    expect(touchClaims({ ...base, role: 'CLIENT' }, T0 + 7 * 86_400)).not.toBeNull();
    expect(touchClaims({ ...base, role: 'CLIENT' }, T0 + 7 * 86_400 + 1)).toBeNull();
    for (const role of ['ADMIN', 'SUPER_ADMIN']) {
      expect(touchClaims({ ...base, role }, T0 + 12 * 3_600)).not.toBeNull();
      expect(touchClaims({ ...base, role }, T0 + 12 * 3_600 + 1)).toBeNull();
    }
  });

  it('activity keeps a session alive, but never past 30 days from sign-in', () => {
    let token: Record<string, unknown> | null = { ...base, role: 'CLIENT' };
    for (let day = 1; day <= 30; day++) {
      token = touchClaims(token!, T0 + day * 86_400 - 1);
      expect(token, `day ${day}`).not.toBeNull();
    }
    expect(touchClaims(token!, T0 + SESSION_MAX_SECONDS + 1)).toBeNull();
  });

  it('records activity at most every 5 minutes (fewer cookie re-issues)', () => {
    const token = { ...base, role: 'CLIENT' };
    expect(touchClaims(token, T0 + SESSION_REFRESH_SECONDS - 1)).toBe(token);
    expect(touchClaims(token, T0 + SESSION_REFRESH_SECONDS)).toMatchObject({ lastActive: T0 + SESSION_REFRESH_SECONDS });
  });

  it('validateSession applies the idle period of the role in the database', () => {
    const row = { id: 'u1', email: 'a@b.c', name: null, company: null, role: 'ADMIN' as const, emailVerified: true, active: true, sessionVersion: 0 };
    const claims = { ...base, role: 'ADMIN' as const };
    expect(validateSession(claims, row, T0 + 3_600)).toMatchObject({ id: 'u1', role: 'ADMIN' });
    expect(validateSession(claims, row, T0 + 13 * 3_600)).toBeNull();
    expect(validateSession(claims, row, T0 + 31 * 86_400)).toBeNull();
  });
});

describe('revocation: the very next request is out', () => {
  it('a valid session gives the viewer from the database row', async () => {
    const { user } = await createUser({ name: 'Ada', company: 'Acme' });
    const claims = await signInClaims(user);
    expect(await viewerNow(claims)).toEqual({
      id: user.id,
      email: user.email,
      name: 'Ada',
      company: 'Acme',
      role: 'CLIENT',
      emailVerified: true,
    });
  });

  it('after a password reset (every session of the user)', async () => {
    const { user } = await createUser();
    const claims = await signInClaims(user);
    await requestPasswordReset({ email: user.email }, { ip: '10.0.0.1' });
    await flushDeliveries();
    const link = readMailbox().filter((m) => m.to === user.email).at(-1)!.links.find((l) => l.includes('/reset-password'))!;
    const token = new URL(link).searchParams.get('token')!;
    await resetPassword({ token, password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' });
    expect(await viewerNow(claims)).toBeNull();
  });

  it('after sign-out: that session only, on the server (a kept copy of the cookie is refused)', async () => {
    const { user } = await createUser();
    const signedOut = await signInClaims(user);
    const other = await signInClaims(user);
    await endSession(signedOut);
    await endSession(signedOut); // twice is fine
    expect(await viewerNow(signedOut)).toBeNull();
    expect(await viewerNow(other)).toMatchObject({ id: user.id });
  });

  it('after deactivation', async () => {
    const { user } = await createUser();
    const claims = await signInClaims(user);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ active: false }).where(eq(users.id, user.id));
      await endSessions(tx, user.id);
    });
    expect(await viewerNow(claims)).toBeNull();
  });

  it('after deactivation even without a session_version bump', async () => {
    const { user } = await createUser();
    const claims = await signInClaims(user);
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await viewerNow(claims)).toBeNull();
  });

  it('after a role change (with or without endSessions)', async () => {
    const { user } = await createUser({ role: 'ADMIN' });
    const claims = await signInClaims(user);
    await db.update(users).set({ role: 'CLIENT' }).where(eq(users.id, user.id));
    expect(await viewerNow(claims)).toBeNull();

    const { user: other } = await createUser({ role: 'ADMIN' });
    const otherClaims = await signInClaims(other);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ role: 'SUPER_ADMIN' }).where(eq(users.id, other.id));
      await endSessions(tx, other.id);
    });
    expect(await viewerNow(otherClaims)).toBeNull();
  });

  it('after the email verification is withdrawn, or the user is deleted', async () => {
    const { user } = await createUser();
    const claims = await signInClaims(user);
    await db.update(users).set({ emailVerified: false }).where(eq(users.id, user.id));
    expect(await viewerNow(claims)).toBeNull();
    await db.delete(users).where(eq(users.id, user.id));
    expect(await viewerNow(claims)).toBeNull();
  });

  it('a password change ends the other sessions; its grant re-issues the current one', async () => {
    const { user, viewer, password } = await createUser();
    const here = await signInClaims(user);
    const elsewhere = await signInClaims(user);
    const { grant } = await changePassword(viewer, {
      currentPassword: password,
      newPassword: 'another long passphrase',
      confirmPassword: 'another long passphrase',
    });
    expect(await viewerNow(here)).toBeNull();
    expect(await viewerNow(elsewhere)).toBeNull();
    const reissued = await userForLoginGrant(grant);
    expect(reissued).toMatchObject({ id: user.id, sessionVersion: user.sessionVersion + 1 });
    expect(await viewerNow(await signInClaims(reissued!))).toMatchObject({ id: user.id });
  });
});

describe('login grants (the one-time hand-over to Auth.js authorize)', () => {
  it('works once', async () => {
    const { user } = await createUser();
    const grant = createLoginGrant(user);
    expect(await userForLoginGrant(grant)).toMatchObject({ id: user.id, role: 'CLIENT' });
    expect(await userForLoginGrant(grant)).toBeNull();
  });

  it('is refused when forged, expired, or the account changed since', async () => {
    const { user } = await createUser();
    const grant = createLoginGrant(user);
    const [body, sig] = grant.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), userId: 'someone-else' })).toString('base64url');
    expect(await userForLoginGrant(`${forgedBody}.${sig}`)).toBeNull();
    expect(await userForLoginGrant('password')).toBeNull();
    expect(await userForLoginGrant(undefined)).toBeNull();

    const old = createLoginGrant(user, Math.floor(Date.now() / 1000) - 120);
    expect(await userForLoginGrant(old)).toBeNull();

    const stale = createLoginGrant(user);
    await db.transaction((tx) => endSessions(tx, user.id));
    expect(await userForLoginGrant(stale)).toBeNull();

    const { user: inactive } = await createUser({ active: false });
    expect(await userForLoginGrant(createLoginGrant(inactive))).toBeNull();
  });
});
