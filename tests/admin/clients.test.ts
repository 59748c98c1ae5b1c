import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  clientOption,
  getClient,
  inviteClient,
  listClients,
  resendClientInvitation,
  resendClientVerification,
  setClientActive,
  updateClient,
} from '@/db/queries/clients';
import { requestPasswordReset } from '@/db/queries/accounts';
import { clientIdsMatching } from '@/db/queries/search';
import { passwordResets, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { createProject, createTicket, createUser } from '../helpers/factories';
import { planWithoutSeqScans, queryRows } from '../helpers/db';
import { expectRefusedWithoutChange, outboxTo, sessionVersion, resetData } from './helpers';

beforeEach(resetData);

// /admin/clients and /admin/clients/[id] (db/queries/clients.ts).

async function staff(role: 'ADMIN' | 'SUPER_ADMIN' = 'ADMIN') {
  return (await createUser({ role })).viewer as Viewer;
}

describe('role guards', () => {
  it('a CLIENT viewer reaches none of the client-management functions, and nothing changes', async () => {
    const { viewer: me } = await createUser();
    const { user: other } = await createUser({ emailVerified: false });
    const { user: invited } = await createUser({ passwordHash: null, emailVerified: false });
    const v = me as Viewer;
    await expectRefusedWithoutChange(() => listClients(v, {}), 'NotFoundError');
    await expectRefusedWithoutChange(() => clientOption(v, other.id), 'NotFoundError');
    await expectRefusedWithoutChange(() => getClient(v, { userId: other.id }), 'NotFoundError');
    await expectRefusedWithoutChange(() => getClient(v, { userId: me.id }), 'NotFoundError');
    await expectRefusedWithoutChange(
      () => inviteClient(v, { email: 'sneaky@example.test', name: 'Sneaky', company: '' }),
      'NotFoundError',
    );
    await expectRefusedWithoutChange(
      () => updateClient(v, { clientId: other.id, email: 'mine@example.test', name: 'Hacked', company: '' }),
      'NotFoundError',
    );
    await expectRefusedWithoutChange(
      () => updateClient(v, { clientId: me.id, email: me.email, name: 'Self edit', company: '' }),
      'NotFoundError',
    );
    await expectRefusedWithoutChange(() => setClientActive(v, { userId: other.id, active: false }), 'NotFoundError');
    await expectRefusedWithoutChange(() => resendClientInvitation(v, { userId: invited.id }), 'NotFoundError');
    await expectRefusedWithoutChange(() => resendClientVerification(v, { userId: other.id }), 'NotFoundError');
  });

  it('staff functions here only ever match CLIENT accounts (a super admin is not a "client")', async () => {
    const admin = await staff();
    const { user: superAdmin } = await createUser({ role: 'SUPER_ADMIN' });
    await expectRefusedWithoutChange(() => getClient(admin, { userId: superAdmin.id }), 'NotFoundError');
    await expectRefusedWithoutChange(() => setClientActive(admin, { userId: superAdmin.id, active: false }), 'NotFoundError');
    await expectRefusedWithoutChange(
      () => updateClient(admin, { clientId: superAdmin.id, email: 'x@example.test', name: 'X', company: '' }),
      'NotFoundError',
    );
    await expectRefusedWithoutChange(() => setClientActive(admin, { userId: admin.id, active: false }), 'UserError');
  });
});

describe('listClients', () => {
  it('searches name, email and company; filters active and verified; counts projects and open tickets in one go', async () => {
    const admin = await staff();
    const { user: acme } = await createUser({ name: 'Alice Anders', company: 'Acme Ltd', email: 'alice@acme.example' });
    await createUser({ name: 'Bob Brown', company: 'Globex', email: 'bob@globex.example', active: false });
    await createUser({ name: 'Cara Cole', company: null, email: 'cara@initech.example', emailVerified: false });
    await createUser({ role: 'ADMIN', name: 'Not A Client' });
    await createProject(acme.id);
    await createProject(acme.id, { status: 'IN_PROGRESS' });
    await createTicket(acme.id, { status: 'OPEN' });
    await createTicket(acme.id, { status: 'PENDING' });
    await createTicket(acme.id, { status: 'CLOSED' });

    const all = await listClients(admin, {});
    expect(all.total).toBe(3);
    expect(all.rows.every((r) => r.name !== 'Not A Client')).toBe(true);
    const alice = all.rows.find((r) => r.id === acme.id)!;
    expect(alice.projectCount).toBe(2);
    expect(alice.activeTicketCount).toBe(2);

    expect((await listClients(admin, { q: 'acme' })).rows.map((r) => r.name)).toEqual(['Alice Anders']);
    expect((await listClients(admin, { q: 'GLOBEX.example' })).rows.map((r) => r.name)).toEqual(['Bob Brown']);
    expect((await listClients(admin, { q: 'cara' })).rows.map((r) => r.name)).toEqual(['Cara Cole']);
    expect((await listClients(admin, { active: 'inactive' })).rows.map((r) => r.name)).toEqual(['Bob Brown']);
    expect((await listClients(admin, { active: 'active' })).total).toBe(2);
    expect((await listClients(admin, { verified: 'unverified' })).rows.map((r) => r.name)).toEqual(['Cara Cole']);
    expect((await listClients(admin, { sort: 'name', dir: 'asc' })).rows.map((r) => r.name)).toEqual([
      'Alice Anders',
      'Bob Brown',
      'Cara Cole',
    ]);
    expect((await listClients(admin, { sort: 'name', dir: 'desc' })).rows.map((r) => r.name)).toEqual([
      'Cara Cole',
      'Bob Brown',
      'Alice Anders',
    ]);
    // Companies: missing ones last in both directions.
    expect((await listClients(admin, { sort: 'company', dir: 'asc' })).rows.map((r) => r.company)).toEqual([
      'Acme Ltd',
      'Globex',
      null,
    ]);
    // Bad parameters fall back to the defaults rather than failing the page.
    expect((await listClients(admin, { sort: 'drop table', active: 'maybe', page: '-3' })).total).toBe(3);
  });

  it('searches through the trigram index (idx_users_search_trgm), short terms and wildcards included', async () => {
    const admin = await staff();
    await createUser({ name: 'Hana Ito', company: 'Harbor Builders', email: 'hana@harbor.example' });
    await createUser({ name: 'Per Harbo', company: null, email: 'per@fjord.example' });
    await createUser({ name: 'Olga Berg', company: '50% Off Ltd', email: 'olga@sale.example' });
    expect((await listClients(admin, { q: 'HARBO' })).rows.map((r) => r.name).sort()).toEqual(['Hana Ito', 'Per Harbo']);
    expect((await listClients(admin, { q: 'ha' })).total).toBe(2); // under 3 characters: no trigram, still found
    expect((await listClients(admin, { q: '50%' })).rows.map((r) => r.name)).toEqual(['Olga Berg']);
    expect((await listClients(admin, { q: '_' })).total).toBe(0);

    // The plan can answer the search from the index. Fails if pg_trgm or the index is missing.
    // (The role condition is left out: at this size its own index would be chosen first.)
    const plan = await planWithoutSeqScans(
      sql`select id from users where name ilike ${'%harbor%'} or email ilike ${'%harbor%'} or company ilike ${'%harbor%'}`,
    );
    expect(plan).toContain('idx_users_search_trgm');
  });

  it('pages 25 at a time with the total', async () => {
    const admin = await staff();
    await db.insert(users).values(Array.from({ length: 27 }, (_, i) => ({ email: `c${i}@bulk.example`, name: `C ${i}` })));
    const p1 = await listClients(admin, { page: 1 });
    const p2 = await listClients(admin, { page: 2 });
    expect(p1.rows).toHaveLength(25);
    expect(p2.rows).toHaveLength(2);
    expect(p1.total).toBe(27);
    expect(p2.pageCount).toBe(2);
    expect((await listClients(admin, { page: 7 })).total).toBe(27);
  });
});

describe('getClient', () => {
  it('returns the profile with counts', async () => {
    const admin = await staff('SUPER_ADMIN');
    const { user } = await createUser({ name: 'Zed', company: 'Zeta' });
    await createUser({ name: 'Amy', company: 'Alpha' });
    await createTicket(user.id);
    const profile = await getClient(admin, { userId: user.id });
    expect(profile).toMatchObject({ id: user.id, name: 'Zed', ticketCount: 1, activeTicketCount: 1, projectCount: 0 });
    expect(await getClient(admin, user.id)).toMatchObject({ id: user.id });
    await expect(getClient(admin, { userId: 'missing' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

// The staff lists' "Client" search field filters through this one subquery (decision 013).
describe('clientIdsMatching (the client search of the staff lists)', () => {
  async function matching(term: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(sql`select id from users where id in ${clientIdsMatching(term)}`);
    return rows.map((r) => r.id).sort();
  }

  it('from 3 characters: name, email or company contains, case-insensitive; 1–2: starts with', async () => {
    const { user: hana } = await createUser({ name: 'Hana Ito', company: 'Harbor Builders', email: 'hana@harbor.example' });
    const { user: per } = await createUser({ name: 'Per Harbo', company: null, email: 'per@fjord.example' });
    const { user: olga } = await createUser({ name: 'Olga Berg', company: 'HP 50% Off_Ltd', email: 'olga@sale.example' });
    const ids = (...users: { id: string }[]) => users.map((u) => u.id).sort();

    expect(await matching('HARBO')).toEqual(ids(hana, per)); // company and email; name
    expect(await matching('fjord')).toEqual(ids(per)); // email
    expect(await matching('  ito ')).toEqual(ids(hana)); // trimmed
    expect(await matching('50%')).toEqual(ids(olga)); // % and _ are literals…
    expect(await matching('ff_l')).toEqual(ids(olga));
    expect(await matching('a%x')).toEqual([]); // …not wildcards ("hana@harbor.example")
    expect(await matching('ga_b')).toEqual([]); // ("Olga Berg")
    // 1 or 2 characters: the start of the name, email or company (no trigram to look up)
    expect(await matching('h')).toEqual(ids(hana, olga)); // "Hana", "hana@…"; "HP …"
    expect(await matching('hP')).toEqual(ids(olga));
    expect(await matching('pe')).toEqual(ids(per));
    expect(await matching('ar')).toEqual([]); // inside "Harbor", not at the start
    expect(await matching('%')).toEqual([]);
    expect(await matching('_')).toEqual([]);
  });

  it('is answered from indexes: the trigram index from 3 characters, the prefix indexes below', async () => {
    // Fails if a migration's index is missing or cannot serve the pattern, on any driver.
    const plan = (term: string) => planWithoutSeqScans(sql`select id from users where id in ${clientIdsMatching(term)}`);
    expect(await plan('harbor')).toContain('idx_users_search_trgm');
    const short = await plan('Ha');
    for (const index of ['idx_users_name_prefix', 'idx_users_email_prefix', 'idx_users_company_prefix']) {
      expect(short).toContain(index);
    }
    expect(short).not.toContain('Seq Scan');
  });
});

describe('inviteClient', () => {
  it('creates a passwordless CLIENT and queues the invitation; a taken email is refused', async () => {
    const admin = await staff();
    const { userId } = await inviteClient(admin, { email: 'New.Client@Example.test', name: 'New Client', company: 'NewCo' });
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ email: 'new.client@example.test', role: 'CLIENT', company: 'NewCo', passwordHash: null });
    expect(await outboxTo('new.client@example.test')).toHaveLength(1);
    await expectRefusedWithoutChange(
      () => inviteClient(admin, { email: 'new.client@example.test', name: 'Again', company: '' }),
      'UserError',
    );
    await expectRefusedWithoutChange(() => inviteClient(admin, { email: 'not-an-email', name: 'X', company: '' }), 'ZodError');
  });
});

describe('updateClient', () => {
  it('edits name and company without touching verification or sessions', async () => {
    const admin = await staff();
    const { user } = await createUser();
    const v0 = await sessionVersion(user.id);
    const r = await updateClient(admin, { clientId: user.id, email: user.email, name: ' New Name ', company: '' });
    expect(r).toEqual({ emailChanged: false, followUp: null });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: 'New Name', company: null, emailVerified: true });
    expect(await sessionVersion(user.id)).toBe(v0);
  });

  it('a new email is unverified until confirmed: sessions end and a verification link goes to it', async () => {
    const admin = await staff();
    const { user } = await createUser();
    const v0 = await sessionVersion(user.id);
    const r = await updateClient(admin, { clientId: user.id, email: 'Moved@Example.test', name: 'Moved', company: 'M' });
    expect(r).toMatchObject({ emailChanged: true, followUp: 'verification' });
    expect(r.followUpError).toBeUndefined();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ email: 'moved@example.test', emailVerified: false });
    expect(await sessionVersion(user.id)).toBeGreaterThan(v0);
    expect((await outboxTo('moved@example.test')).length).toBeGreaterThanOrEqual(1);
  });

  it('a new email voids the reset links that went to the old address', async () => {
    const admin = await staff();
    const { user } = await createUser();
    await requestPasswordReset({ email: user.email }, { ip: '198.51.100.77' });
    const unused = () =>
      db.select().from(passwordResets).where(and(eq(passwordResets.userId, user.id), eq(passwordResets.used, false)));
    expect(await unused()).toHaveLength(1);
    await updateClient(admin, { clientId: user.id, email: `moved-reset-${Date.now()}@example.test`, name: 'Moved', company: '' });
    expect(await unused()).toHaveLength(0);
  });

  it('for an invitation never accepted, the new address gets a fresh invitation', async () => {
    const admin = await staff();
    const { user } = await createUser({ passwordHash: null, emailVerified: false });
    const r = await updateClient(admin, { clientId: user.id, email: 'typo-fixed@example.test', name: 'Fixed', company: '' });
    expect(r).toMatchObject({ emailChanged: true, followUp: 'invitation' });
    expect((await outboxTo('typo-fixed@example.test')).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an email another account uses (any case), changing nothing', async () => {
    const admin = await staff();
    const { user } = await createUser();
    const { user: other } = await createUser({ role: 'ADMIN' });
    const err = await expectRefusedWithoutChange(
      () => updateClient(admin, { clientId: user.id, email: other.email.toUpperCase(), name: 'X', company: '' }),
      'UserError',
    );
    expect((err as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toBeDefined();
    await expectRefusedWithoutChange(
      () => updateClient(admin, { clientId: user.id, email: user.email, name: '', company: '' }),
      'ZodError',
    );
  });
});

describe('setClientActive', () => {
  it('deactivation ends the client’s sessions; reactivation lets them back', async () => {
    const admin = await staff();
    const { user } = await createUser();
    const v0 = await sessionVersion(user.id);
    expect(await setClientActive(admin, { userId: user.id, active: false })).toMatchObject({ changed: true, active: false });
    expect(await sessionVersion(user.id)).toBeGreaterThan(v0);
    const [{ active }] = await queryRows<{ active: boolean }>(sql`select active from users where id = ${user.id}`);
    expect(active).toBe(false);
    expect(await setClientActive(admin, { userId: user.id, active: false })).toMatchObject({ changed: false });
    expect(await setClientActive(admin, { userId: user.id, active: true })).toMatchObject({ changed: true, active: true });
  });
});

describe('resending mails', () => {
  it('resends the invitation only to a never-accepted account, the verification only to an unverified one', async () => {
    const admin = await staff();
    const { user: invited } = await createUser({ passwordHash: null, emailVerified: false });
    const { user: unverified } = await createUser({ emailVerified: false });
    const { user: verified } = await createUser();

    await resendClientInvitation(admin, { userId: invited.id });
    expect((await outboxTo(invited.email)).length).toBe(1);
    await resendClientVerification(admin, { userId: unverified.id });
    expect((await outboxTo(unverified.email)).length).toBe(1);

    await expectRefusedWithoutChange(() => resendClientInvitation(admin, { userId: verified.id }), 'UserError');
    await expectRefusedWithoutChange(() => resendClientVerification(admin, { userId: verified.id }), 'UserError');
    await expectRefusedWithoutChange(() => resendClientVerification(admin, { userId: invited.id }), 'UserError');
  });
});
