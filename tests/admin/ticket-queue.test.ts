import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { clientOption } from '@/db/queries/clients';
import { listTickets, QUEUE_COUNT_CAP, ticketListQuery, ticketQueueCounts } from '@/db/queries/tickets';
import { supportTickets, type TicketStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { planWithoutSeqScans } from '../helpers/db';
import { createTicket, createUser } from '../helpers/factories';
import { expectRefusedWithoutChange, resetData } from './helpers';

beforeEach(resetData);

// /admin/tickets (the staff queue): bounded tab counts and the client search field
// (docs/decisions/013-queue-counts-and-client-search.md).

async function staff() {
  return (await createUser({ role: 'ADMIN' })).viewer as Viewer;
}

describe('ticketQueueCounts', () => {
  it('counts exactly below the cap, per status, for every client or one', async () => {
    const admin = await staff();
    const { user: a } = await createUser();
    const { user: b } = await createUser();
    for (const status of ['OPEN', 'OPEN', 'PENDING', 'CLOSED'] as const) await createTicket(a.id, { status });
    await createTicket(b.id, { status: 'OPEN' });

    const none = { n: 0, more: false };
    expect(await ticketQueueCounts(admin)).toEqual({
      OPEN: { n: 3, more: false },
      PENDING: { n: 1, more: false },
      RESOLVED: none,
      CLOSED: { n: 1, more: false },
    });
    expect(await ticketQueueCounts(admin, { clientId: b.id })).toEqual({
      OPEN: { n: 1, more: false },
      PENDING: none,
      RESOLVED: none,
      CLOSED: none,
    });
    expect(QUEUE_COUNT_CAP).toBe(1000);
  });

  it('stops at the cap and says there are more', async () => {
    const admin = await staff();
    const { user: a } = await createUser();
    for (let i = 0; i < 3; i++) await createTicket(a.id, { status: 'OPEN' });
    await createTicket(a.id, { status: 'PENDING' });
    await createTicket(a.id, { status: 'PENDING' });

    const counts = await ticketQueueCounts(admin, { cap: 2 });
    expect(counts.OPEN).toEqual({ n: 2, more: true });
    // exactly the cap is not "more"
    expect(counts.PENDING).toEqual({ n: 2, more: false });
    expect(counts.CLOSED).toEqual({ n: 0, more: false });
  });

  it('narrows to the clients matching the queue’s client search, as the list does', async () => {
    const admin = await staff();
    const { user: harbor } = await createUser({ name: 'Hana Ito', company: 'Harbor Builders' });
    const { user: mail } = await createUser({ name: 'Mo Lee', email: `mo.harbor.${Date.now()}@example.test` });
    const { user: other } = await createUser({ name: 'Olga Berg', company: 'Fjord Ltd' });
    await createTicket(harbor.id, { status: 'OPEN' });
    await createTicket(mail.id, { status: 'OPEN' });
    await createTicket(mail.id, { status: 'CLOSED' });
    await createTicket(other.id, { status: 'OPEN' });

    const counts = await ticketQueueCounts(admin, { clientSearch: 'HARBOR' });
    expect(counts.OPEN).toEqual({ n: 2, more: false });
    expect(counts.CLOSED).toEqual({ n: 1, more: false });
    expect((await ticketQueueCounts(admin, { clientSearch: 'harbor', clientId: harbor.id })).OPEN).toEqual({ n: 1, more: false });
    expect((await ticketQueueCounts(admin, { clientSearch: '_' })).OPEN).toEqual({ n: 0, more: false });
    // a client's search is ignored: their own tickets only
    const { viewer } = await createUser({ name: 'Me' });
    expect((await ticketQueueCounts(viewer, { clientSearch: 'harbor' })).OPEN).toEqual({ n: 0, more: false });
  });

  it('a client counts only their own tickets, whatever clientId they pass', async () => {
    const { user: a, viewer } = await createUser();
    const { user: b } = await createUser();
    await createTicket(a.id, { status: 'OPEN' });
    await createTicket(b.id, { status: 'OPEN' });
    await createTicket(b.id, { status: 'OPEN' });
    const counts = await ticketQueueCounts(viewer, { clientId: b.id });
    expect(counts.OPEN).toEqual({ n: 1, more: false });
  });
});

describe('the queue’s client search', () => {
  it('matches the client’s name, email or company for staff, case-insensitively, wildcards literal', async () => {
    const admin = await staff();
    const { user: harbor } = await createUser({ name: 'Hana Ito', company: 'Harbor Builders' });
    const { user: mail } = await createUser({ name: 'Mo Lee', email: `mo.harbor.${Date.now()}@example.test` });
    const { user: other } = await createUser({ name: 'Olga Berg', company: 'Fjord 50% Ltd' });
    const t1 = await createTicket(harbor.id);
    const t2 = await createTicket(mail.id);
    const t3 = await createTicket(other.id);

    const ids = async (clientSearch: string) =>
      (await listTickets(admin, { clientSearch })).items.map((t) => t.id).sort();
    expect(await ids('HARBOR')).toEqual([t1.id, t2.id].sort());
    expect(await ids('olga')).toEqual([t3.id]);
    expect(await ids('50%')).toEqual([t3.id]);
    expect(await ids('_')).toEqual([]);
    // 1 or 2 characters: the start of the name, email or company (as on /admin/projects)
    expect(await ids('ha')).toEqual([t1.id]);
    expect(await ids('O')).toEqual([t3.id]);
    expect(await ids('rb')).toEqual([]);
    expect((await ticketQueueCounts(admin, { clientSearch: 'mo' })).OPEN).toEqual({ n: 1, more: false });
    // combined with the status filter and the client id
    expect((await listTickets(admin, { clientSearch: 'harbor', clientId: mail.id })).items.map((t) => t.id)).toEqual([t2.id]);
    expect((await listTickets(admin, { clientSearch: 'harbor', status: ['CLOSED'] })).items).toHaveLength(0);
  });

  it('is ignored for a client: they only ever see their own tickets', async () => {
    const { user: me, viewer } = await createUser({ name: 'Me Myself' });
    const { user: harbor } = await createUser({ company: 'Harbor Builders' });
    const mine = await createTicket(me.id);
    await createTicket(harbor.id);
    expect((await listTickets(viewer, { clientSearch: 'harbor' })).items.map((t) => t.id)).toEqual([mine.id]);
  });
});

describe('clientOption', () => {
  it('labels one client for staff; null for a staff account or a missing id; refuses a client', async () => {
    const admin = await staff();
    const { user: c, viewer } = await createUser({ name: 'Hana Ito', company: 'Harbor Builders' });
    expect(await clientOption(admin, c.id)).toEqual({ id: c.id, email: c.email, label: 'Hana Ito · Harbor Builders' });
    expect(await clientOption(admin, admin.id)).toBeNull();
    expect(await clientOption(admin, 'no-such-id')).toBeNull();
    await expectRefusedWithoutChange(() => clientOption(viewer, c.id), 'NotFoundError');
  });
});

// The staff queue over several statuses in activity order merges one ordered page per status
// (ticketListQuery); for one client it takes the plain path. Both must give the same pages.
describe('the staff queue over several statuses', () => {
  const sorts = ['last_reply', 'waiting', 'priority'] as const;
  const tabs = { active: ['OPEN', 'PENDING'] as TicketStatus[], all: undefined };

  async function seed() {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    const statuses = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const;
    // One statement: many rows share created_at, so the id breaks ties; half have replies.
    await db.insert(supportTickets).values(
      Array.from({ length: 23 }, (_, i) => ({
        subject: `Merged ${i}`,
        description: 'Queue merge test ticket.',
        clientId: client.id,
        status: statuses[i % 4],
        priority: (['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const)[i % 3],
        lastRepliedAt: i % 2 === 0 ? sql`now() - make_interval(mins => ${(i * 7) % 11})` : null,
      })),
    );
    return { admin: admin as Viewer, clientId: client.id };
  }

  it.each(sorts)('walks %s forwards and back as the one-client path orders it', async (sort) => {
    const { admin, clientId } = await seed();
    for (const [tab, status] of Object.entries(tabs)) {
      const plain = (await listTickets(admin, { sort, status, clientId, limit: 100 })).items.map((t) => t.id);
      expect(plain.length, tab).toBe(status ? 12 : 23);
      const pages = [];
      let page = await listTickets(admin, { sort, status, limit: 5 });
      pages.push(page);
      while (page.nextCursor) pages.push((page = await listTickets(admin, { sort, status, limit: 5, cursor: page.nextCursor })));
      expect(pages.flatMap((p) => p.items.map((t) => t.id)), tab).toEqual(plain);
      // And back from the last page to the first.
      for (let i = pages.length - 1; i > 0; i--) {
        const back = await listTickets(admin, { sort, status, limit: 5, cursor: pages[i].prevCursor! });
        expect(back.items.map((t) => t.id), `${tab} page ${i}`).toEqual(pages[i - 1].items.map((t) => t.id));
      }
    }
  });

  it('reads each status from its sort’s status-first index instead of sorting them all', async () => {
    const { admin } = await seed();
    const indexes = { last_reply: 'idx_support_tickets_status_activity', waiting: 'idx_support_tickets_status_activity', priority: 'idx_support_tickets_status_priority_key' };
    for (const sort of sorts) {
      for (const status of Object.values(tabs)) {
        const plan = await planWithoutSeqScans(ticketListQuery(admin, { sort, status }).query);
        const branches = plan.split(indexes[sort]).length - 1;
        expect(branches, `${sort} ${status ?? 'all'}\n${plan}`).toBe(status ? 2 : 4);
      }
    }
  });
});
