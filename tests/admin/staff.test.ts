import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  changeUserRole,
  countActiveSuperAdmins,
  deleteUser,
  getDeletionPreview,
  inviteStaff,
  listUsers,
  userCounts,
  userListQuery,
  setUserActive,
} from '@/db/queries/staff';
import { emailOutbox, emailVerifications, passwordResets, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { createComment, createProject, createTicket, createUser } from '../helpers/factories';
import { planWithoutSeqScans, queryRows } from '../helpers/db';
import { expectRefusedWithoutChange, outboxTo, sessionVersion, resetData } from './helpers';

beforeEach(resetData);

// /admin/users — SUPER_ADMIN only — and its guards (db/queries/staff.ts).

async function roleOf(id: string) {
  const [row] = await db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id));
  return row;
}

describe('role guards: only a SUPER_ADMIN reaches staff management', () => {
  it('refuses CLIENT and ADMIN viewers on every function, changing nothing', async () => {
    const { viewer: client } = await createUser();
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: target } = await createUser();
    const { user: superAdmin } = await createUser({ role: 'SUPER_ADMIN' });
    for (const viewer of [client, admin] as Viewer[]) {
      await expectRefusedWithoutChange(() => listUsers(viewer, {}), 'NotFoundError');
      await expectRefusedWithoutChange(() => countActiveSuperAdmins(viewer), 'NotFoundError');
      await expectRefusedWithoutChange(
        () => inviteStaff(viewer, { email: 'new-staff@example.test', name: 'New', role: 'SUPER_ADMIN' }),
        'NotFoundError',
      );
      await expectRefusedWithoutChange(() => changeUserRole(viewer, { userId: target.id, role: 'SUPER_ADMIN' }), 'NotFoundError');
      await expectRefusedWithoutChange(() => changeUserRole(viewer, { userId: viewer.id, role: 'SUPER_ADMIN' }), 'NotFoundError');
      await expectRefusedWithoutChange(() => changeUserRole(viewer, { userId: superAdmin.id, role: 'CLIENT' }), 'NotFoundError');
      await expectRefusedWithoutChange(() => setUserActive(viewer, { userId: superAdmin.id, active: false }), 'NotFoundError');
      await expectRefusedWithoutChange(() => getDeletionPreview(viewer, { userId: target.id }), 'NotFoundError');
      await expectRefusedWithoutChange(
        () => deleteUser(viewer, { userId: target.id, confirmEmail: target.email }),
        'NotFoundError',
      );
    }
  });

  it('a viewer object that claims SUPER_ADMIN but is not one in the database changes nothing', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: target } = await createUser();
    await createUser({ role: 'SUPER_ADMIN' });
    const forged = { ...admin, role: 'SUPER_ADMIN' } as Viewer;
    await expectRefusedWithoutChange(() => changeUserRole(forged, { userId: target.id, role: 'ADMIN' }), 'NotFoundError');
    await expectRefusedWithoutChange(() => setUserActive(forged, { userId: target.id, active: false }), 'NotFoundError');
    await expectRefusedWithoutChange(
      () => deleteUser(forged, { userId: target.id, confirmEmail: target.email }),
      'NotFoundError',
    );
  });
});

describe('listUsers', () => {
  it('lists staff by default, clients or everyone on request, searches, paginates with a total', async () => {
    // Every searched field is spelled out: the factory's default emails and companies end in
    // random hex, which the two-letter search below ('eb') matched about one run in twenty.
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN', name: 'Root Person', email: 'root@agency.example' });
    await createUser({ role: 'ADMIN', name: 'Ada Admin', email: 'ada@agency.example' });
    await createUser({ role: 'CLIENT', name: 'Carl Client', email: 'carl@client.example', company: 'Zebra Ltd' });
    await createUser({ role: 'CLIENT', name: 'Invited One', email: 'invited@client.example', company: 'Quiet Co', passwordHash: null });

    const staff = await listUsers(root as Viewer, {});
    expect(staff.total).toBe(2);
    expect(staff.rows.map((r) => r.role)).toEqual(['SUPER_ADMIN', 'ADMIN']);
    expect(staff.rows[0]).not.toHaveProperty('passwordHash');

    const clients = await listUsers(root as Viewer, { role: 'clients' });
    expect(clients.total).toBe(2);
    expect(clients.rows.find((r) => r.name === 'Invited One')?.invitePending).toBe(true);
    expect(clients.rows.find((r) => r.name === 'Carl Client')?.invitePending).toBe(false);

    expect((await listUsers(root as Viewer, { role: 'all' })).total).toBe(4);
    expect((await listUsers(root as Viewer, { role: 'all', q: 'zebra' })).rows.map((r) => r.name)).toEqual(['Carl Client']);
    expect((await listUsers(root as Viewer, { role: 'all', q: 'ADA@' })).rows.map((r) => r.name)).toEqual(['Ada Admin']);
    // LIKE wildcards in the search are literal.
    expect((await listUsers(root as Viewer, { role: 'all', q: '%' })).total).toBe(0);
    // Two characters still match anywhere (no trigram to look up: the whole table is read).
    expect((await listUsers(root as Viewer, { role: 'all', q: 'eb' })).rows.map((r) => r.name)).toEqual(['Carl Client']);
    expect((await listUsers(root as Viewer, { role: 'clients', q: 'ada' })).total).toBe(0);
    expect(await userCounts(root as Viewer, { q: 'a' })).toEqual({ staff: 2, clients: 2, all: 4 });
    expect(await userCounts(root as Viewer, { q: 'zebra' })).toEqual({ staff: 0, clients: 1, all: 1 });
  });

  it('searches through the trigram index, one branch per column, instead of reading every account', async () => {
    for (const role of ['staff', 'clients', 'all'] as const) {
      const text = await planWithoutSeqScans(userListQuery({ role, q: 'zebra' }).query);
      expect(text.split('idx_users_search_trgm').length - 1, `${role}\n${text}`).toBe(3);
    }
  });

  it('pages 25 at a time and still reports the total past the last page', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    await db.insert(users).values(
      Array.from({ length: 30 }, (_, i) => ({ email: `bulk-${i}@example.test`, role: 'ADMIN' as const, name: `Bulk ${i}` })),
    );
    const p1 = await listUsers(root as Viewer, { page: '1' });
    const p2 = await listUsers(root as Viewer, { page: '2' });
    const p9 = await listUsers(root as Viewer, { page: '9' });
    expect(p1.rows).toHaveLength(25);
    expect(p2.rows).toHaveLength(6);
    expect(p1.total).toBe(31);
    expect(p1.pageCount).toBe(2);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(31);
    expect(p9.rows).toHaveLength(0);
    expect(p9.total).toBe(31);
  });
});

describe('inviteStaff', () => {
  it('creates a passwordless ADMIN or SUPER_ADMIN account and queues the invitation', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { userId } = await inviteStaff(root as Viewer, { email: ' New.Admin@Example.test ', name: 'New Admin', role: 'ADMIN' });
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row.email).toBe('new.admin@example.test');
    expect(row.role).toBe('ADMIN');
    expect(row.passwordHash).toBeNull();
    expect((await outboxTo('new.admin@example.test')).length).toBe(1);

    const second = await inviteStaff(root as Viewer, { email: 'boss@example.test', name: 'Boss', role: 'SUPER_ADMIN' });
    expect((await roleOf(second.userId)).role).toBe('SUPER_ADMIN');
  });

  it('refuses a taken email and a role other than ADMIN / SUPER_ADMIN', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: existing } = await createUser();
    await expectRefusedWithoutChange(
      () => inviteStaff(root as Viewer, { email: existing.email, name: 'Dup', role: 'ADMIN' }),
      'UserError',
    );
    await expectRefusedWithoutChange(
      () => inviteStaff(root as Viewer, { email: 'x@example.test', name: 'X', role: 'CLIENT' }),
      'ZodError',
    );
  });
});

describe('changeUserRole', () => {
  it('promotes a client, demotes an admin, and ends the user’s sessions each time', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: client } = await createUser();
    const v0 = await sessionVersion(client.id);

    const r1 = await changeUserRole(root as Viewer, { userId: client.id, role: 'ADMIN' });
    expect(r1).toMatchObject({ from: 'CLIENT', to: 'ADMIN', changed: true });
    expect((await roleOf(client.id)).role).toBe('ADMIN');
    const v1 = await sessionVersion(client.id);
    expect(v1).toBeGreaterThan(v0);

    await changeUserRole(root as Viewer, { userId: client.id, role: 'SUPER_ADMIN' });
    await changeUserRole(root as Viewer, { userId: client.id, role: 'CLIENT' });
    expect((await roleOf(client.id)).role).toBe('CLIENT');
    expect(await sessionVersion(client.id)).toBeGreaterThan(v1);
  });

  it('setting the same role changes nothing (no session ends)', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: admin } = await createUser({ role: 'ADMIN' });
    const v0 = await sessionVersion(admin.id);
    expect(await changeUserRole(root as Viewer, { userId: admin.id, role: 'ADMIN' })).toMatchObject({ changed: false });
    expect(await sessionVersion(admin.id)).toBe(v0);
  });

  it('nobody changes their own role', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    await createUser({ role: 'SUPER_ADMIN' });
    const err = await expectRefusedWithoutChange(
      () => changeUserRole(root as Viewer, { userId: root.id, role: 'ADMIN' }),
      'UserError',
    );
    expect(err.message).toMatch(/own role/);
  });

  it('a missing user is NotFound; a bad role is a validation error', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    await expectRefusedWithoutChange(() => changeUserRole(root as Viewer, { userId: 'nope', role: 'ADMIN' }), 'NotFoundError');
    const { user } = await createUser();
    await expectRefusedWithoutChange(() => changeUserRole(root as Viewer, { userId: user.id, role: 'ROOT' }), 'ZodError');
  });

  it('two super admins demoting each other at once: one wins, one active SUPER_ADMIN always remains', async () => {
    const { viewer: a } = await createUser({ role: 'SUPER_ADMIN' });
    const { viewer: b } = await createUser({ role: 'SUPER_ADMIN' });
    const results = await Promise.allSettled([
      changeUserRole(a as Viewer, { userId: b.id, role: 'ADMIN' }),
      changeUserRole(b as Viewer, { userId: a.id, role: 'ADMIN' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    // The loser sees the winner's change: its target is now the last active super admin.
    expect(refused[0].reason.name).toBe('UserError');
    expect(refused[0].reason.message).toMatch(/last active super admin/);
    const [{ n }] = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from users where role = 'SUPER_ADMIN' and active`,
    );
    expect(n).toBe(1);
  });

  it('two super admins deactivating each other at once: one active SUPER_ADMIN remains', async () => {
    const { viewer: a } = await createUser({ role: 'SUPER_ADMIN' });
    const { viewer: b } = await createUser({ role: 'SUPER_ADMIN' });
    const results = await Promise.allSettled([
      setUserActive(a as Viewer, { userId: b.id, active: false }),
      setUserActive(b as Viewer, { userId: a.id, active: false }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [{ n }] = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from users where role = 'SUPER_ADMIN' and active`,
    );
    expect(n).toBe(1);
  });

  it('mutual demotion and deletion at once (three ways) never leaves zero', async () => {
    const { viewer: a } = await createUser({ role: 'SUPER_ADMIN' });
    const { viewer: b } = await createUser({ role: 'SUPER_ADMIN' });
    const { viewer: c } = await createUser({ role: 'SUPER_ADMIN' });
    const [bRow] = await db.select({ email: users.email }).from(users).where(eq(users.id, b.id));
    await Promise.allSettled([
      changeUserRole(a as Viewer, { userId: c.id, role: 'CLIENT' }),
      setUserActive(c as Viewer, { userId: a.id, active: false }),
      deleteUser(a as Viewer, { userId: b.id, confirmEmail: bRow.email }),
      changeUserRole(b as Viewer, { userId: a.id, role: 'ADMIN' }),
    ]);
    const [{ n }] = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from users where role = 'SUPER_ADMIN' and active`,
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });
});

describe('the last active SUPER_ADMIN', () => {
  it('cannot be demoted, deactivated or deleted, even by a viewer object that is not them', async () => {
    // Only one active SUPER_ADMIN exists; an inactive one does not count. The actor below is a
    // stale SUPER_ADMIN session (the row was demoted meanwhile): the target is still protected.
    const { user: last } = await createUser({ role: 'SUPER_ADMIN' });
    await createUser({ role: 'SUPER_ADMIN', active: false });
    const { viewer: stale } = await createUser({ role: 'ADMIN' });
    const actor = { ...stale, role: 'SUPER_ADMIN' } as Viewer;
    for (const role of ['ADMIN', 'CLIENT'] as const) {
      const e = await expectRefusedWithoutChange(() => changeUserRole(actor, { userId: last.id, role }), 'UserError');
      expect(e.message).toMatch(/last active super admin/);
    }
    const e2 = await expectRefusedWithoutChange(() => setUserActive(actor, { userId: last.id, active: false }), 'UserError');
    expect(e2.message).toMatch(/last active super admin/);
    const e3 = await expectRefusedWithoutChange(
      () => deleteUser(actor, { userId: last.id, confirmEmail: last.email }),
      'UserError',
    );
    expect(e3.message).toMatch(/last active super admin/);
  });

  it('the only super admin cannot act on themselves', async () => {
    const { viewer: only } = await createUser({ role: 'SUPER_ADMIN' });
    await expectRefusedWithoutChange(() => changeUserRole(only as Viewer, { userId: only.id, role: 'ADMIN' }), 'UserError');
    await expectRefusedWithoutChange(() => setUserActive(only as Viewer, { userId: only.id, active: false }), 'UserError');
    await expectRefusedWithoutChange(
      () => deleteUser(only as Viewer, { userId: only.id, confirmEmail: only.email }),
      'UserError',
    );
    expect(await countActiveSuperAdmins(only as Viewer)).toBe(1);
  });

  it('with two, one may be demoted (then the other is the last)', async () => {
    const { viewer: a } = await createUser({ role: 'SUPER_ADMIN' });
    const { viewer: b } = await createUser({ role: 'SUPER_ADMIN' });
    await changeUserRole(a as Viewer, { userId: b.id, role: 'ADMIN' });
    expect(await countActiveSuperAdmins(a as Viewer)).toBe(1);
  });
});

describe('setUserActive', () => {
  it('deactivates (sessions end) and reactivates any other account', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: admin } = await createUser({ role: 'ADMIN' });
    const v0 = await sessionVersion(admin.id);
    expect(await setUserActive(root as Viewer, { userId: admin.id, active: false })).toMatchObject({ changed: true });
    expect((await roleOf(admin.id)).active).toBe(false);
    expect(await sessionVersion(admin.id)).toBeGreaterThan(v0);
    expect(await setUserActive(root as Viewer, { userId: admin.id, active: false })).toMatchObject({ changed: false });
    await setUserActive(root as Viewer, { userId: admin.id, active: true });
    expect((await roleOf(admin.id)).active).toBe(true);
  });

  it('nobody deactivates themselves', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    await createUser({ role: 'SUPER_ADMIN' });
    const e = await expectRefusedWithoutChange(() => setUserActive(root as Viewer, { userId: root.id, active: false }), 'UserError');
    expect(e.message).toMatch(/deactivate your own account/);
  });
});

describe('hard delete', () => {
  async function clientWithData() {
    const { user: client } = await createUser();
    const { user: admin } = await createUser({ role: 'ADMIN' });
    const { user: other } = await createUser();
    const p1 = await createProject(client.id);
    await createProject(client.id);
    const t1 = await createTicket(client.id, { projectId: p1.id });
    const t2 = await createTicket(client.id);
    await createComment(t1.id, client.id);
    await createComment(t1.id, admin.id);
    await createComment(t2.id, admin.id);
    // A comment of theirs on someone else's ticket cascades too (ticket_comments.user_id).
    const foreign = await createTicket(other.id, { projectId: p1.id });
    await createComment(foreign.id, client.id);
    await db.insert(emailVerifications).values({ token: 'h1', userId: client.id, expiresAt: new Date(Date.now() + 3600_000) });
    await db.insert(passwordResets).values({ token: 'h2', userId: client.id, expiresAt: new Date(Date.now() + 3600_000) });
    await db.insert(emailOutbox).values({ toAddress: client.email, template: 't', subject: 's', html: 'h', text: 't' });
    return { client, admin, other, foreign };
  }

  it('previews what cascades, then deletes exactly that once the email is typed', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { client, admin, foreign } = await clientWithData();

    const preview = await getDeletionPreview(root as Viewer, { userId: client.id });
    expect(preview.user.email).toBe(client.email);
    expect(preview.impact).toEqual({ projects: 2, tickets: 2, comments: 4, tokens: 2, unlinkedTickets: 1, mails: 1 });

    const err = await expectRefusedWithoutChange(
      () => deleteUser(root as Viewer, { userId: client.id, confirmEmail: 'wrong@example.test' }),
      'UserError',
    );
    expect((err as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors.confirmEmail).toBeDefined();

    const done = await deleteUser(root as Viewer, { userId: client.id, confirmEmail: `  ${client.email.toUpperCase()} ` });
    expect(done.impact).toEqual(preview.impact);
    const [{ u, p, t, c, tok, mail }] = await queryRows<Record<string, number>>(sql`
      select (select count(*) from users where id = ${client.id})::int as u,
             (select count(*) from projects where client_id = ${client.id})::int as p,
             (select count(*) from support_tickets where client_id = ${client.id})::int as t,
             (select count(*) from ticket_comments where user_id = ${client.id})::int as c,
             ((select count(*) from email_verifications where user_id = ${client.id})
               + (select count(*) from password_resets where user_id = ${client.id}))::int as tok,
             (select count(*) from email_outbox where to_address = ${client.email})::int as mail`);
    expect({ u, p, t, c, tok, mail }).toEqual({ u: 0, p: 0, t: 0, c: 0, tok: 0, mail: 0 });
    // Others keep their rows; the other client's ticket only loses the project link.
    const [f] = await queryRows<{ project_id: string | null }>(sql`select project_id from support_tickets where id = ${foreign.id}`);
    expect(f.project_id).toBeNull();
    expect(await roleOf(admin.id)).toBeDefined();
  });

  it('deletes staff accounts too, never the actor’s own', async () => {
    const { viewer: root } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: other } = await createUser({ role: 'SUPER_ADMIN' });
    await deleteUser(root as Viewer, { userId: other.id, confirmEmail: other.email });
    expect(await roleOf(other.id)).toBeUndefined();
    await expectRefusedWithoutChange(
      () => deleteUser(root as Viewer, { userId: root.id, confirmEmail: root.email }),
      'UserError',
    );
    await expectRefusedWithoutChange(() => getDeletionPreview(root as Viewer, { userId: other.id }), 'NotFoundError');
  });
});
