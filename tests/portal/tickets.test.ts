import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { db } from '@/db';
import { supportTickets, ticketComments, users } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { resetEnvCache } from '@/lib/env';
import {
  addComment,
  createTicket,
  getTicketByNumber,
  listComments,
  listThread,
  threadWindowQuery,
  listTickets,
  setTicketStatus,
  ticketProjectChoices,
  ticketStatusCounts,
} from '@/db/queries/tickets';
import { decodeCursor } from '@/db/queries/keyset';
import { planWithoutSeqScans } from '../helpers/db';
import { createComment, createProject, createTicket as makeTicket, createUser, mailTo, type TestViewer } from '../helpers/factories';
import { clearOutbox, expectRejectedWithoutWrites, expectRejects, outbox, rowCounts, ticketState } from './helpers';

let clientA: TestViewer;
let clientB: TestViewer;
let admin: TestViewer;
let superAdmin: TestViewer;
let inactiveAdmin: TestViewer;

beforeAll(async () => {
  clientA = (await createUser({ name: 'Alice Client', company: 'Acme' })).viewer;
  clientB = (await createUser({ name: 'Bob Client', company: 'Globex' })).viewer;
  admin = (await createUser({ role: 'ADMIN', name: 'Ada Admin' })).viewer;
  superAdmin = (await createUser({ role: 'SUPER_ADMIN', name: 'Sam Super' })).viewer;
  inactiveAdmin = (await createUser({ role: 'ADMIN', active: false })).viewer;
});

beforeEach(async () => {
  delete process.env.AGENCY_NOTIFY_EMAIL;
  resetEnvCache();
  await clearOutbox();
});

describe('createTicket', () => {
  it('creates an OPEN ticket with a T- number and mails every active staff member', async () => {
    const created = await createTicket(clientA, { subject: '  Login page broken  ', description: 'The login page shows a blank screen.' });
    expect(created.ticketNumber).toMatch(/^T-\d{6}$/);
    const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, created.id));
    expect(row).toMatchObject({ subject: 'Login page broken', status: 'OPEN', clientId: clientA.id, projectId: null });

    const mails = await outbox();
    expect(mails.map((m) => m.to).sort()).toEqual([admin.email, superAdmin.email].sort());
    expect(mails.every((m) => m.template === 'ticket-created')).toBe(true);
    expect(mails[0].subject).toContain(created.ticketNumber);
    expect(mails[0].html).toContain(`/admin/tickets/${created.ticketNumber}`);
    expect(mails.some((m) => m.to === inactiveAdmin.email)).toBe(false);
    // delivered to the dev mailbox after the commit
    expect(mailTo(admin.email).some((m) => m.subject.includes(created.ticketNumber))).toBe(true);
  });

  it('mails AGENCY_NOTIFY_EMAIL instead of the staff when it is set', async () => {
    process.env.AGENCY_NOTIFY_EMAIL = 'support@agency.test';
    resetEnvCache();
    await createTicket(clientA, { subject: 'Shared inbox', description: 'Please route this to the shared inbox.' });
    expect((await outbox()).map((m) => m.to)).toEqual(['support@agency.test']);
  });

  it('accepts one of the client’s own projects', async () => {
    const project = await createProject(clientA.id, { title: 'Shop' });
    const created = await createTicket(clientA, { subject: 'About the shop', description: 'A question about the shop.', projectId: project.id });
    const detail = await getTicketByNumber(clientA, created.ticketNumber);
    expect(detail.projectId).toBe(project.id);
    expect(detail.projectTitle).toBe('Shop');
  });

  it('treats "" as no project', async () => {
    const created = await createTicket(clientA, { subject: 'No project', description: 'Nothing to do with a project.', projectId: '' });
    expect((await getTicketByNumber(clientA, created.ticketNumber)).projectId).toBeNull();
  });

  it('refuses another client’s project and writes nothing', async () => {
    const projectOfB = await createProject(clientB.id);
    const error = await expectRejects(
      () => createTicket(clientA, { subject: 'Sneaky', description: 'Trying to attach a foreign project.', projectId: projectOfB.id }),
      UserError,
    );
    expect((error as UserError).fieldErrors?.projectId).toBeDefined();
    await expectRejectedWithoutWrites(
      () => createTicket(clientA, { subject: 'Sneaky', description: 'Trying to attach a foreign project.', projectId: projectOfB.id }),
      UserError,
    );
    await expectRejectedWithoutWrites(
      () => createTicket(clientA, { subject: 'Missing', description: 'Trying to attach a missing project.', projectId: 'no-such-project' }),
      UserError,
    );
  });

  it('ignores a client id sent by a client (always their own)', async () => {
    const created = await createTicket(clientA, { subject: 'Mine', description: 'This must be mine.', clientId: clientB.id });
    const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, created.id));
    expect(row.clientId).toBe(clientA.id);
  });

  it.each([
    [{ subject: 'ab', description: 'Long enough description' }, 'subject'],
    [{ subject: ' '.repeat(5), description: 'Long enough description' }, 'subject'],
    [{ subject: 'x'.repeat(201), description: 'Long enough description' }, 'subject'],
    [{ subject: 'Fine subject', description: 'too short' }, 'description'],
    [{ subject: 'Fine subject', description: 'x'.repeat(10_001) }, 'description'],
    [{ subject: 'Fine subject' }, 'description'],
  ])('rejects invalid input %# and writes nothing', async (input, field) => {
    const error = await expectRejects(() => createTicket(clientA, input), ZodError);
    expect((error as ZodError).issues.map((i) => i.path[0])).toContain(field);
    await expectRejectedWithoutWrites(() => createTicket(clientA, input), ZodError);
  });

  it('accepts the limits exactly (3 and 200; 10 and 10,000)', async () => {
    await createTicket(clientA, { subject: 'abc', description: '0123456789' });
    await createTicket(clientA, { subject: 'x'.repeat(200), description: 'y'.repeat(10_000) });
  });

  it('lets staff open a ticket for a client, who is mailed; staff must name an existing client', async () => {
    const created = await createTicket(admin, { subject: 'We noticed', description: 'Your certificate expires soon.', clientId: clientA.id });
    const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, created.id));
    expect(row.clientId).toBe(clientA.id);
    const mails = await outbox();
    expect(mails.map((m) => m.to)).toEqual([clientA.email]);
    expect(mails[0].html).toContain(`/tickets/${created.ticketNumber}`);
    await expectRejectedWithoutWrites(() => createTicket(admin, { subject: 'No client', description: 'Missing the client id.' }), UserError);
    await expectRejectedWithoutWrites(
      () => createTicket(admin, { subject: 'Staff as client', description: 'A staff account is no client.', clientId: superAdmin.id }),
      UserError,
    );
  });

  it('gives unique numbers under concurrent creation', async () => {
    const client = (await createUser()).viewer;
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createTicket(client, { subject: `Parallel ${i}`, description: 'Created at the same time.' })),
    );
    expect(new Set(created.map((c) => c.ticketNumber)).size).toBe(20);
  });
});

describe('listTickets', () => {
  let owner: TestViewer;
  let other: TestViewer;

  beforeAll(async () => {
    owner = (await createUser({ name: 'Lister' })).viewer;
    other = (await createUser()).viewer;
    const t1 = await makeTicket(owner.id, { subject: 'Invoice question', status: 'OPEN' });
    const t2 = await makeTicket(owner.id, { subject: 'Website down', status: 'PENDING' });
    await makeTicket(owner.id, { subject: 'Logo 50% bigger', status: 'RESOLVED' });
    await makeTicket(owner.id, { subject: 'Old request', status: 'CLOSED' });
    await makeTicket(other.id, { subject: 'Website down too', status: 'OPEN' });
    await createComment(t1.id, owner.id, { content: 'first' });
    await createComment(t1.id, admin.id, { content: 'second' });
    await createComment(t1.id, owner.id, { content: 'third' });
    await createComment(t2.id, admin.id, { content: 'only' });
  });

  it('shows a client only their own tickets, with comment counts and the last sender', async () => {
    const page = await listTickets(owner);
    expect(page.items).toHaveLength(4);
    expect(page.items.every((t) => t.clientId === owner.id)).toBe(true);
    const invoice = page.items.find((t) => t.subject === 'Invoice question')!;
    expect(invoice.commentCount).toBe(3);
    expect(invoice.lastSender).toBe('CLIENT');
    expect(invoice.lastRepliedAt).toBeInstanceOf(Date);
    const down = page.items.find((t) => t.subject === 'Website down')!;
    expect(down.commentCount).toBe(1);
    expect(down.lastSender).toBe('ADMIN');
    const none = page.items.find((t) => t.subject === 'Old request')!;
    expect(none.commentCount).toBe(0);
    expect(none.lastSender).toBeNull();
    expect(page.nextCursor).toBeNull();
    expect(page.prevCursor).toBeNull();
  });

  it('ignores a clientId filter from a client viewer', async () => {
    const page = await listTickets(owner, { clientId: other.id });
    expect(page.items.every((t) => t.clientId === owner.id)).toBe(true);
    const page2 = await listTickets(other, { clientId: owner.id });
    expect(page2.items.map((t) => t.subject)).toEqual(['Website down too']);
  });

  it('filters by one status or several', async () => {
    expect((await listTickets(owner, { status: 'PENDING' })).items.map((t) => t.subject)).toEqual(['Website down']);
    const several = await listTickets(owner, { status: ['OPEN', 'PENDING'] });
    expect(several.items.map((t) => t.subject).sort()).toEqual(['Invoice question', 'Website down']);
  });

  it('searches the subject (case-insensitive, wildcards literal) and the number', async () => {
    expect((await listTickets(owner, { search: 'website' })).items.map((t) => t.subject)).toEqual(['Website down']);
    expect((await listTickets(owner, { search: '50%' })).items.map((t) => t.subject)).toEqual(['Logo 50% bigger']);
    expect((await listTickets(owner, { search: '%' })).items.map((t) => t.subject)).toEqual(['Logo 50% bigger']);
    expect((await listTickets(owner, { search: '_' })).items).toHaveLength(0);
    const any = (await listTickets(owner)).items[0];
    expect((await listTickets(owner, { search: any.ticketNumber.toLowerCase() })).items.map((t) => t.id)).toEqual([any.id]);
    const digits = any.ticketNumber.replace(/^T-0*/, '');
    expect((await listTickets(owner, { search: digits })).items.map((t) => t.id)).toContain(any.id);
    // another client's ticket never matches
    expect((await listTickets(owner, { search: 'too' })).items).toHaveLength(0);
  });

  it('shows staff every client’s tickets, or one client’s', async () => {
    const all = await listTickets(admin, { search: 'Website down' });
    expect(all.items.map((t) => t.clientId).sort()).toEqual([owner.id, other.id].sort());
    const one = await listTickets(admin, { clientId: other.id });
    expect(one.items.every((t) => t.clientId === other.id)).toBe(true);
    expect(one.items[0].clientName).toBe((await db.select().from(users).where(eq(users.id, other.id)))[0].name);
  });

  it('counts tickets per status in scope', async () => {
    expect(await ticketStatusCounts(owner)).toEqual({ OPEN: 1, PENDING: 1, RESOLVED: 1, CLOSED: 1 });
    expect(await ticketStatusCounts(owner, { clientId: other.id })).toEqual({ OPEN: 1, PENDING: 1, RESOLVED: 1, CLOSED: 1 });
    expect(await ticketStatusCounts(admin, { clientId: other.id })).toEqual({ OPEN: 1, PENDING: 0, RESOLVED: 0, CLOSED: 0 });
  });

  it('runs as one SQL statement, however many rows', async () => {
    const spy = countQueries();
    await listTickets(owner);
    await listTickets(admin, { status: ['OPEN', 'PENDING'], search: 'a', sort: 'waiting' });
    expect(spy.stop()).toBe(2);
  });
});

/** Counts the SQL statements sent through the PGlite/pg client while active. */
function countQueries(): { stop: () => number } {
  let n = 0;
  const session = (db as unknown as { session: { client: Record<string, unknown> } }).session;
  const client = session.client as Record<string, (...a: unknown[]) => unknown>;
  const names = ['query', 'exec'].filter((k) => typeof client[k] === 'function');
  const originals = names.map((k) => client[k]);
  names.forEach((k, i) => {
    client[k] = (...args: unknown[]) => {
      n += 1;
      return originals[i].apply(client, args);
    };
  });
  return {
    stop() {
      names.forEach((k, i) => (client[k] = originals[i]));
      return n;
    },
  };
}

describe('keyset pagination', () => {
  let pager: TestViewer;
  const total = 60;

  beforeAll(async () => {
    pager = (await createUser()).viewer;
    // Same created_at for many rows (one statement) so the id breaks ties.
    await db.insert(supportTickets).values(
      Array.from({ length: total }, (_, i) => ({
        subject: `Paged ${String(i).padStart(2, '0')}`,
        description: 'Pagination test ticket.',
        clientId: pager.id,
        status: (i % 3 === 0 ? 'PENDING' : 'OPEN') as 'PENDING' | 'OPEN',
        lastRepliedAt: i % 2 === 0 ? sql`now() - make_interval(mins => ${i})` : null,
      })),
    );
  });

  it.each(['last_reply', 'created', 'updated', 'waiting'] as const)('walks %s forwards and back, 25 a page, without gaps or repeats', async (sort) => {
    const p1 = await listTickets(pager, { sort });
    expect(p1.items).toHaveLength(25);
    expect(p1.prevCursor).toBeNull();
    expect(p1.nextCursor).not.toBeNull();
    const p2 = await listTickets(pager, { sort, cursor: p1.nextCursor! });
    expect(p2.items).toHaveLength(25);
    expect(p2.prevCursor).not.toBeNull();
    const p3 = await listTickets(pager, { sort, cursor: p2.nextCursor! });
    expect(p3.items).toHaveLength(10);
    expect(p3.nextCursor).toBeNull();

    const ids = [...p1.items, ...p2.items, ...p3.items].map((t) => t.id);
    expect(new Set(ids).size).toBe(total);

    // The same order as one big page.
    const all = await listTickets(pager, { sort, limit: 100 });
    expect(ids).toEqual(all.items.map((t) => t.id));

    // Back from page 3 to page 2 to page 1.
    const back2 = await listTickets(pager, { sort, cursor: p3.prevCursor! });
    expect(back2.items.map((t) => t.id)).toEqual(p2.items.map((t) => t.id));
    const back1 = await listTickets(pager, { sort, cursor: back2.prevCursor! });
    expect(back1.items.map((t) => t.id)).toEqual(p1.items.map((t) => t.id));
    expect(back1.prevCursor).toBeNull();
    expect(back1.nextCursor).not.toBeNull();
  });

  it('orders last_reply newest activity first and waiting oldest first', async () => {
    const activity = (t: { lastRepliedAt: Date | null; createdAt: Date }) => (t.lastRepliedAt ?? t.createdAt).getTime();
    const byReply = (await listTickets(pager, { sort: 'last_reply', limit: 100 })).items.map(activity);
    expect(byReply).toEqual([...byReply].sort((a, b) => b - a));
    const waiting = (await listTickets(pager, { sort: 'waiting', limit: 100 })).items.map(activity);
    expect(waiting).toEqual([...waiting].sort((a, b) => a - b));
  });

  it('keeps filters across pages', async () => {
    const p1 = await listTickets(pager, { status: 'OPEN' });
    const p2 = await listTickets(pager, { status: 'OPEN', cursor: p1.nextCursor! });
    expect([...p1.items, ...p2.items].every((t) => t.status === 'OPEN')).toBe(true);
    expect(p1.items.length + p2.items.length).toBe(40);
  });

  it('ignores a malformed cursor or one made for another sort', async () => {
    const first = await listTickets(pager);
    expect((await listTickets(pager, { cursor: 'garbage!!' })).items.map((t) => t.id)).toEqual(first.items.map((t) => t.id));
    const created = await listTickets(pager, { sort: 'created' });
    expect(decodeCursor(created.nextCursor!, 'last_reply')).toBeNull();
    expect((await listTickets(pager, { cursor: created.nextCursor! })).items.map((t) => t.id)).toEqual(first.items.map((t) => t.id));
  });

  it('never leaks another client’s rows through a cursor', async () => {
    const p1 = await listTickets(pager);
    const foreign = await listTickets(clientB, { cursor: p1.nextCursor! });
    expect(foreign.items.every((t) => t.clientId === clientB.id)).toBe(true);
  });
});

describe('getTicketByNumber and listComments', () => {
  it('returns the client’s ticket and its thread oldest first, with author name and role', async () => {
    const t = await makeTicket(clientA.id, { subject: 'Thread' });
    const c1 = await createComment(t.id, clientA.id, { content: 'Hello', createdAt: new Date('2026-01-01T10:00:00Z') });
    const c2 = await createComment(t.id, admin.id, { content: 'Hi there', createdAt: new Date('2026-01-01T11:00:00Z') });
    const c3 = await createComment(t.id, clientA.id, { content: 'Thanks', createdAt: new Date('2026-01-01T12:00:00Z') });

    const detail = await getTicketByNumber(clientA, t.ticketNumber);
    expect(detail).toMatchObject({ id: t.id, subject: 'Thread', clientId: clientA.id, clientEmail: clientA.email });
    expect((await getTicketByNumber(clientA, t.ticketNumber.toLowerCase())).id).toBe(t.id);

    const thread = await listComments(clientA, t.id);
    expect(thread.map((c) => c.id)).toEqual([c1.id, c2.id, c3.id]);
    expect(thread[1]).toMatchObject({ sender: 'ADMIN', authorName: 'Ada Admin', authorRole: 'ADMIN', content: 'Hi there' });
    expect(thread[0]).toMatchObject({ sender: 'CLIENT', authorName: 'Alice Client', authorRole: 'CLIENT' });
    expect((await listComments(admin, t.id)).map((c) => c.id)).toEqual([c1.id, c2.id, c3.id]);
  });

  it('returns an empty thread for a ticket without comments', async () => {
    const t = await makeTicket(clientA.id);
    expect(await listComments(clientA, t.id)).toEqual([]);
  });

  it('is NotFound for a foreign, missing or malformed number or id', async () => {
    const t = await makeTicket(clientA.id);
    await createComment(t.id, clientA.id);
    await expectRejects(() => getTicketByNumber(clientB, t.ticketNumber), NotFoundError);
    await expectRejects(() => getTicketByNumber(clientA, 'T-999999'), NotFoundError);
    await expectRejects(() => getTicketByNumber(clientA, "T-1' OR 1=1 --"), NotFoundError);
    await expectRejects(() => getTicketByNumber(clientA, ''), NotFoundError);
    await expectRejects(() => listComments(clientB, t.id), NotFoundError);
    await expectRejects(() => listComments(clientA, 'no-such-ticket'), NotFoundError);
    expect((await getTicketByNumber(admin, t.ticketNumber)).id).toBe(t.id);
  });
});

describe('listThread (the ticket page: one window of the thread)', () => {
  it('shows the newest comments oldest first, then earlier windows by keyset, without gaps or repeats', async () => {
    const t = await makeTicket(clientA.id);
    const base = Date.parse('2026-02-01T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Two comments share each timestamp: the id breaks the tie, as in the keyset.
      const c = await createComment(t.id, i % 2 ? admin.id : clientA.id, { createdAt: new Date(base + Math.floor(i / 2) * 60_000) });
      ids.push(c.id);
    }
    const expected = [...ids].sort((a, b) => {
      const ta = Math.floor(ids.indexOf(a) / 2);
      const tb = Math.floor(ids.indexOf(b) / 2);
      return ta - tb || (a < b ? -1 : 1);
    });
    const newest = await listThread(clientA, t.id, { limit: 3 });
    expect(newest.comments.map((c) => c.id)).toEqual(expected.slice(4));
    expect(newest.earlierCursor).toBe(expected[4]);
    const middle = await listThread(clientA, t.id, { limit: 3, before: newest.earlierCursor });
    expect(middle.comments.map((c) => c.id)).toEqual(expected.slice(1, 4));
    const first = await listThread(clientA, t.id, { limit: 3, before: middle.earlierCursor });
    expect(first.comments.map((c) => c.id)).toEqual(expected.slice(0, 1));
    expect(first.earlierCursor).toBeNull();
    // Everything fits: no "earlier" link.
    expect((await listThread(admin, t.id)).earlierCursor).toBeNull();
    expect((await listThread(admin, t.id)).comments.map((c) => c.id)).toEqual(expected);
    expect((await listThread(clientA, t.id)).comments).toEqual(await listComments(clientA, t.id));
  });

  it('is scoped like listComments: no internal notes for a client, NotFound for a foreign ticket', async () => {
    const t = await makeTicket(clientA.id);
    await createComment(t.id, clientA.id, { createdAt: new Date('2026-02-01T10:00:00Z') });
    const note = await createComment(t.id, admin.id, { internal: true, createdAt: new Date('2026-02-01T11:00:00Z') });
    expect((await listThread(clientA, t.id)).comments.map((c) => c.id)).not.toContain(note.id);
    expect((await listThread(admin, t.id)).comments.map((c) => c.id)).toContain(note.id);
    expect(await listThread(clientA, (await makeTicket(clientA.id)).id)).toEqual({ comments: [], earlierCursor: null });
    await expectRejects(() => listThread(clientB, t.id), NotFoundError);
    await expectRejects(() => listThread(clientA, 'no-such-ticket'), NotFoundError);
    // A cursor from another ticket (or made up) matches nothing in this one.
    const other = await makeTicket(clientA.id);
    const foreign = await createComment(other.id, clientA.id);
    expect((await listThread(clientA, t.id, { before: foreign.id })).comments).toEqual([]);
    expect((await listThread(clientA, t.id, { before: "x' or 1=1 --" })).comments).toEqual([]);
  });

  it('reads the window alone from idx_ticket_comments_ticket_created, never the whole thread', async () => {
    const t = await makeTicket(clientA.id);
    const c = await createComment(t.id, clientA.id);
    for (const [viewer, params] of [
      [clientA, {}],
      [admin, { before: c.id }],
    ] as const) {
      const text = await planWithoutSeqScans(threadWindowQuery(viewer, t.id, params).query, { ordered: true });
      // The LIMIT sits inside the lateral window, under the join to the authors, and right on
      // the index walked backwards: no sort of the thread between them.
      const lines = text.split('\n').map((l) => l.replace(/^[\s>-]+/, ''));
      const limit = lines.findIndex((l) => l.startsWith('Limit'));
      expect(limit, text).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Nested Loop')));
      const scan = lines.findIndex((l) => l.startsWith('Index Scan Backward using idx_ticket_comments_ticket_created'));
      expect(scan, text).toBeGreaterThan(limit);
      expect(lines.slice(limit, scan).filter((l) => l.startsWith('Sort')), text).toEqual([]);
    }
  });
});

describe('addComment', () => {
  it('client reply: sender CLIENT, status OPEN, last_replied_at and updated_at move, staff mailed', async () => {
    const t = await makeTicket(clientA.id, { status: 'PENDING', updatedAt: new Date('2025-01-01T00:00:00Z') });
    const before = await ticketState(t.id);
    const added = await addComment(clientA, t.ticketNumber, { content: '  Here is the info.\nLine two  ' });
    expect(added).toMatchObject({ sender: 'CLIENT', status: 'OPEN' });
    const [comment] = await db.select().from(ticketComments).where(eq(ticketComments.id, added.id));
    expect(comment).toMatchObject({ sender: 'CLIENT', userId: clientA.id, ticketId: t.id, content: 'Here is the info.\nLine two' });
    const after = await ticketState(t.id);
    expect(after.status).toBe('OPEN');
    expect(after.last_replied_at).not.toBeNull();
    expect(after.updated_at).not.toBe(before.updated_at);
    const mails = await outbox();
    expect(mails.map((m) => m.to).sort()).toEqual([admin.email, superAdmin.email].sort());
    expect(mails[0].template).toBe('ticket-reply');
    expect(mails[0].text).toContain('Here is the info.');
  });

  it('a client reply reopens a RESOLVED ticket', async () => {
    const t = await makeTicket(clientA.id, { status: 'RESOLVED' });
    expect((await addComment(clientA, t.ticketNumber, { content: 'Still broken' })).status).toBe('OPEN');
    expect((await ticketState(t.id)).status).toBe('OPEN');
  });

  it('staff reply: sender ADMIN, status PENDING, the client mailed', async () => {
    const t = await makeTicket(clientA.id, { status: 'OPEN' });
    const added = await addComment(admin, t.ticketNumber, { content: 'Could you send a screenshot?' });
    expect(added).toMatchObject({ sender: 'ADMIN', status: 'PENDING' });
    expect((await ticketState(t.id)).status).toBe('PENDING');
    const mails = await outbox();
    expect(mails.map((m) => m.to)).toEqual([clientA.email]);
    expect(mails[0].html).toContain(`/tickets/${t.ticketNumber}`);
    expect(mails[0].html).not.toContain('/admin/');
    // a super admin replies as the agency too
    expect((await addComment(superAdmin, t.ticketNumber, { content: 'Following up.' })).sender).toBe('ADMIN');
  });

  it('a CLOSED ticket refuses comments and nothing is written', async () => {
    const t = await makeTicket(clientA.id, { status: 'CLOSED' });
    const before = await ticketState(t.id);
    await expectRejectedWithoutWrites(() => addComment(clientA, t.ticketNumber, { content: 'Hello?' }), UserError);
    await expectRejectedWithoutWrites(() => addComment(admin, t.ticketNumber, { content: 'Hello?' }), UserError);
    expect(await ticketState(t.id)).toEqual(before);
  });

  it.each([{ content: '' }, { content: '   \n ' }, { content: 'x'.repeat(10_001) }, {}, null])('rejects invalid content %# and writes nothing', async (input) => {
    const t = await makeTicket(clientA.id);
    await expectRejectedWithoutWrites(() => addComment(clientA, t.ticketNumber, input), ZodError);
  });

  it('accepts 1 and 10,000 characters', async () => {
    const t = await makeTicket(clientA.id);
    await addComment(clientA, t.ticketNumber, { content: 'k' });
    await addComment(clientA, t.ticketNumber, { content: 'z'.repeat(10_000) });
    expect(await listComments(clientA, t.id)).toHaveLength(2);
  });

  it('client B cannot comment on A’s ticket (NotFound, nothing written, no status change)', async () => {
    const t = await makeTicket(clientA.id, { status: 'PENDING' });
    const before = await ticketState(t.id);
    await expectRejectedWithoutWrites(() => addComment(clientB, t.ticketNumber, { content: 'Hi' }), NotFoundError);
    await expectRejectedWithoutWrites(() => addComment(clientB, 'T-999999', { content: 'Hi' }), NotFoundError);
    expect(await ticketState(t.id)).toEqual(before);
  });

  it('stays correct under 50 concurrent replies (row lock)', async () => {
    const t = await makeTicket(clientA.id, { status: 'OPEN' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? addComment(clientA, t.ticketNumber, { content: `client ${i}` })
          : addComment(admin, t.ticketNumber, { content: `admin ${i}` }),
      ),
    );
    expect(results).toHaveLength(50);
    const thread = await listComments(clientA, t.id);
    expect(thread).toHaveLength(50);
    expect(new Set(thread.map((c) => c.content)).size).toBe(50);
    // The final status is the one the last committed reply set, and last_replied_at is the newest comment.
    const last = thread[thread.length - 1];
    const state = await ticketState(t.id);
    expect(state.status).toBe(last.sender === 'ADMIN' ? 'PENDING' : 'OPEN');
    const row = (await db.execute(sql`
      select (t.last_replied_at = (select max(created_at) from ticket_comments where ticket_id = t.id)) as ok
      from support_tickets t where t.id = ${t.id}
    `)) as unknown as { rows: { ok: boolean }[] };
    expect(row.rows[0].ok).toBe(true);
  });
});

describe('setTicketStatus', () => {
  it('a client marks OPEN or PENDING resolved and reopens RESOLVED; nobody is mailed', async () => {
    const t = await makeTicket(clientA.id, { status: 'PENDING' });
    expect(await setTicketStatus(clientA, t.ticketNumber, 'RESOLVED')).toEqual({ status: 'RESOLVED', previous: 'PENDING' });
    expect(await setTicketStatus(clientA, t.ticketNumber, 'OPEN')).toEqual({ status: 'OPEN', previous: 'RESOLVED' });
    expect((await setTicketStatus(clientA, t.ticketNumber, 'RESOLVED')).status).toBe('RESOLVED');
    expect(await outbox()).toEqual([]);
  });

  it.each([
    ['OPEN', 'CLOSED'],
    ['OPEN', 'PENDING'],
    ['OPEN', 'OPEN'],
    ['PENDING', 'OPEN'],
    ['RESOLVED', 'CLOSED'],
    ['CLOSED', 'OPEN'],
    ['CLOSED', 'RESOLVED'],
  ] as const)('a client cannot move %s → %s (nothing written)', async (from, to) => {
    const t = await makeTicket(clientA.id, { status: from });
    const before = await ticketState(t.id);
    await expectRejectedWithoutWrites(() => setTicketStatus(clientA, t.ticketNumber, to), UserError);
    expect(await ticketState(t.id)).toEqual(before);
  });

  it('client B cannot change A’s ticket', async () => {
    const t = await makeTicket(clientA.id, { status: 'OPEN' });
    const before = await ticketState(t.id);
    await expectRejectedWithoutWrites(() => setTicketStatus(clientB, t.ticketNumber, 'RESOLVED'), NotFoundError);
    expect(await ticketState(t.id)).toEqual(before);
  });

  it('rejects an unknown status', async () => {
    const t = await makeTicket(clientA.id);
    await expectRejectedWithoutWrites(() => setTicketStatus(admin, t.ticketNumber, 'DELETED'), ZodError);
  });

  it('staff may set any status; the client is mailed each time', async () => {
    const t = await makeTicket(clientA.id, { status: 'OPEN' });
    for (const to of ['PENDING', 'RESOLVED', 'CLOSED', 'OPEN'] as const) {
      expect((await setTicketStatus(admin, t.ticketNumber, to)).status).toBe(to);
    }
    const mails = await outbox();
    expect(mails).toHaveLength(4);
    expect(mails.every((m) => m.to === clientA.email && m.template === 'ticket-status-changed')).toBe(true);
    expect(mails[2].subject).toContain('closed');
    await expectRejectedWithoutWrites(() => setTicketStatus(admin, t.ticketNumber, 'OPEN'), UserError);
  });

  it('does not mail an inactive client', async () => {
    const gone = await createUser({ active: false });
    const t = await makeTicket(gone.user.id);
    await setTicketStatus(admin, t.ticketNumber, 'CLOSED');
    expect(await outbox()).toEqual([]);
  });
});

describe('ticketProjectChoices', () => {
  it('lists only the client’s own, non-cancelled projects', async () => {
    const c = (await createUser()).viewer;
    const p1 = await createProject(c.id, { title: 'Live' });
    await createProject(c.id, { title: 'Gone', status: 'CANCELLED' });
    await createProject(clientB.id, { title: 'Foreign' });
    expect((await ticketProjectChoices(c)).map((p) => p.id)).toEqual([p1.id]);
    expect(await ticketProjectChoices(admin)).toEqual([]);
    expect((await ticketProjectChoices(admin, c.id)).map((p) => p.id)).toEqual([p1.id]);
  });
});

describe('row counts helper', () => {
  it('counts', async () => {
    const counts = await rowCounts();
    expect(counts.users).toBeGreaterThan(0);
  });
});
