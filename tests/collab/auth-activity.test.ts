import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { activityLog } from '@/db/schema';
import { changePassword, signInWithPassword } from '@/db/queries/accounts';
import { ACTIONS } from '@/db/queries/activity-log';
import { createUser } from '../helpers/factories';

// Sign-ins and failed sign-ins land in the activity log, written with the throttle's counters
// (failure) or last_logged_in (success), with the caller's IP.
describe('auth events in the activity log', () => {
  it('records a failed and a successful sign-in with the IP', async () => {
    const { user, password } = await createUser();
    const failed = await signInWithPassword({ email: user.email, password: 'definitely wrong' }, { ip: '203.0.113.7' });
    expect(failed.ok).toBe(false);
    const unknown = await signInWithPassword({ email: 'ghost@example.test', password: 'definitely wrong' }, { ip: '203.0.113.8' });
    expect(unknown.ok).toBe(false);
    const ok = await signInWithPassword({ email: user.email, password }, { ip: '203.0.113.9' });
    expect(ok.ok).toBe(true);

    const mine = await db.select().from(activityLog).where(eq(activityLog.entityId, user.id));
    expect(mine.map((r) => [r.action, r.ip, r.actorId])).toEqual(
      expect.arrayContaining([
        [ACTIONS.signInFailed, '203.0.113.7', null],
        [ACTIONS.signIn, '203.0.113.9', user.id],
      ]),
    );
    expect(mine).toHaveLength(2);
    const ghost = await db.select().from(activityLog).where(eq(activityLog.entityId, 'ghost@example.test'));
    expect(ghost.map((r) => r.action)).toEqual([ACTIONS.signInFailed]);
  });

  it('records a password change made in settings, in its transaction', async () => {
    const { user, viewer, password } = await createUser();
    await changePassword(viewer, { currentPassword: password, newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' });
    const rows = await db.select().from(activityLog).where(eq(activityLog.entityId, user.id));
    expect(rows.map((r) => [r.action, r.actorId, r.details])).toEqual([[ACTIONS.passwordChanged, user.id, { via: 'settings' }]]);
    // A refused change (wrong current password) writes no entry.
    await expect(
      changePassword(viewer, { currentPassword: 'not my password', newPassword: 'another new passphrase', confirmPassword: 'another new passphrase' }),
    ).rejects.toThrow();
    expect(await db.select().from(activityLog).where(eq(activityLog.entityId, user.id))).toHaveLength(1);
  });
});
