import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { activityLog, notifications, supportTickets, users } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { resetEnvCache } from '@/lib/env';
import {
  addComment,
  assignTicket,
  createTicket,
  getTicketByNumber,
  listTickets,
  setTicketPriority,
  setTicketStatus,
} from '@/db/queries/tickets';
import { requestProject } from '@/db/queries/projects';
import { moveProjectStatus } from '@/db/queries/admin-projects';
import { changeUserRole, deleteUser, setUserActive } from '@/db/queries/staff';
import {
  ACTIONS,
  entityTimeline,
  ticketActivity,
  listActivity,
  logActivity,
  serviceReport,
  staffServiceReport,
  ticketWaiting,
} from '@/db/queries/activity';
import {
  getNotificationPreferences,
  listNotifications,
  notificationBell,
  markAllNotificationsRead,
  markNotificationRead,
  setNotificationPreferences,
  unreadNotificationCount,
} from '@/db/queries/notifications';
import { TICKET_PRIORITY_VALUES, NOTIFICATION_KIND_VALUES } from '@/lib/validation/collab';
import { notificationKindEnum, ticketPriorityEnum } from '@/db/schema';
import { createProject, createTicket as makeTicket, createUser, type TestViewer } from '../helpers/factories';
import { clearOutbox, expectRejects, outbox } from '../portal/helpers';

let client: TestViewer;
let other: TestViewer;
let admin: TestViewer;
let admin2: TestViewer;
let superAdmin: TestViewer;

beforeAll(async () => {
  client = (await createUser({ name: 'Cora Client' })).viewer;
  other = (await createUser({ name: 'Otto Other' })).viewer;
  admin = (await createUser({ role: 'ADMIN', name: 'Ada Admin' })).viewer;
  admin2 = (await createUser({ role: 'ADMIN', name: 'Ben Admin' })).viewer;
  superAdmin = (await createUser({ role: 'SUPER_ADMIN', name: 'Sam Super' })).viewer;
});

beforeEach(async () => {
  delete process.env.AGENCY_NOTIFY_EMAIL;
  resetEnvCache();
  await clearOutbox();
});

const entries = (entityId: string) =>
  db.select().from(activityLog).where(eq(activityLog.entityId, entityId)).orderBy(activityLog.createdAt);

describe('enums', () => {
  it('the validation copies match the database enums', () => {
    expect([...TICKET_PRIORITY_VALUES]).toEqual(ticketPriorityEnum.enumValues);
    expect([...NOTIFICATION_KIND_VALUES]).toEqual(notificationKindEnum.enumValues);
  });
});

describe('priority', () => {
  it('a client picks it; staff change it (logged); the queue filters and sorts by it', async () => {
    const low = await createTicket(client, { subject: 'Low one', description: 'Nothing urgent here.', priority: 'LOW' });
    const urgent = await createTicket(client, { subject: 'Site down', description: 'The shop is down!!', priority: 'URGENT' });
    const plain = await createTicket(client, { subject: 'Default', description: 'Default priority.' });
    expect((await getTicketByNumber(client, plain.ticketNumber)).priority).toBe('MEDIUM');
    expect((await getTicketByNumber(client, urgent.ticketNumber)).priority).toBe('URGENT');

    await expectRejects(() => setTicketPriority(client, low.ticketNumber, 'URGENT'), NotFoundError);
    const r = await setTicketPriority(admin, low.ticketNumber, 'HIGH', { ip: '203.0.113.9', userAgent: 'vitest' });
    expect(r).toEqual({ priority: 'HIGH', previous: 'LOW', changed: true });
    const log = (await entries(low.id)).filter((e) => e.action === ACTIONS.ticketPriorityChanged);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: admin.id, details: { from: 'LOW', to: 'HIGH' }, ip: '203.0.113.9', userAgent: 'vitest' });

    const filtered = await listTickets(admin, { clientId: client.id, priority: ['URGENT', 'HIGH'] });
    expect(filtered.items.map((t) => t.id).sort()).toEqual([urgent.id, low.id].sort());
    const sorted = await listTickets(admin, { clientId: client.id, sort: 'priority', limit: 2 });
    expect(sorted.items.map((t) => t.priority)).toEqual(['URGENT', 'HIGH']);
    const next = await listTickets(admin, { clientId: client.id, sort: 'priority', limit: 2, cursor: sorted.nextCursor! });
    expect(next.items[0]!.id).toBe(plain.id);
  });
});

describe('assignment', () => {
  it('assigns to active staff only, filters the queue, tells the assignee, logs it', async () => {
    const t = await createTicket(client, { subject: 'Assign me', description: 'Please look at this.' });
    await clearOutbox();
    await expectRejects(() => assignTicket(admin, t.ticketNumber, { assigneeId: client.id }), UserError);
    await expectRejects(() => assignTicket(client, t.ticketNumber, { assigneeId: admin.id }), NotFoundError);

    await assignTicket(superAdmin, t.ticketNumber, { assigneeId: admin2.id });
    const mine = await listTickets(admin2, { assigned: 'me' });
    expect(mine.items.map((x) => x.id)).toContain(t.id);
    expect(mine.items.find((x) => x.id === t.id)?.assigneeName).toBe('Ben Admin');
    const unassigned = await listTickets(admin, { assigned: 'unassigned' });
    expect(unassigned.items.map((x) => x.id)).not.toContain(t.id);
    // A client never learns who is assigned.
    expect((await getTicketByNumber(client, t.ticketNumber)).assignedTo).toBeNull();

    const notes = await listNotifications(admin2);
    expect(notes.find((n) => n.kind === 'TICKET_ASSIGNED')?.href).toBe(`/admin/tickets/${t.ticketNumber}`);
    const mails = await outbox();
    expect(mails.filter((m) => m.template === 'ticket-assigned').map((m) => m.to)).toEqual([admin2.email]);
    const log = (await entries(t.id)).filter((e) => e.action === ACTIONS.ticketAssigned);
    expect(log[0]).toMatchObject({ actorId: superAdmin.id, details: { from: null, to: admin2.id } });
    // Client timeline hides assignment.
    const timeline = await entityTimeline(client, 'ticket', t.id);
    expect(timeline.map((e) => e.action)).not.toContain(ACTIONS.ticketAssigned);

    // A client reply on an assigned ticket notifies only the assignee.
    await addComment(client, t.ticketNumber, { content: 'More details here' });
    const replyNotes = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.ticketId, t.id), eq(notifications.kind, 'TICKET_REPLY')));
    expect(replyNotes.map((n) => n.userId)).toEqual([admin2.id]);

    // Unassign; deleting the assignee later sets null.
    await assignTicket(admin, t.ticketNumber, { assigneeId: '' });
    expect((await getTicketByNumber(admin, t.ticketNumber)).assignedTo).toBeNull();
  });

  it('ON DELETE SET NULL when the assignee is deleted', async () => {
    const temp = (await createUser({ role: 'ADMIN' })).viewer;
    const t = await makeTicket(client.id);
    await assignTicket(admin, t.ticketNumber, { assigneeId: temp.id });
    await deleteUser(superAdmin, { userId: temp.id, confirmEmail: temp.email });
    const [row] = await db.select({ a: supportTickets.assignedTo }).from(supportTickets).where(eq(supportTickets.id, t.id));
    expect(row.a).toBeNull();
    const log = await db.select().from(activityLog).where(eq(activityLog.entityId, temp.id));
    expect(log.map((e) => e.action)).toContain(ACTIONS.userDeleted);
  });
});

describe('notifications', () => {
  it('new tickets go to all staff; agency replies and status changes go to the client, linked for each side', async () => {
    const t = await createTicket(client, { subject: 'Bell test', description: 'Notify everyone please.' });
    for (const s of [admin, admin2, superAdmin]) {
      const n = (await listNotifications(s)).find((x) => x.kind === 'TICKET_CREATED' && x.href === `/admin/tickets/${t.ticketNumber}`);
      expect(n).toBeTruthy();
    }
    await addComment(admin, t.ticketNumber, { content: 'We are on it' });
    await setTicketStatus(admin, t.ticketNumber, 'RESOLVED');
    const mine = await listNotifications(client);
    expect(mine.filter((n) => n.href === `/tickets/${t.ticketNumber}`).map((n) => n.kind).sort()).toEqual(['TICKET_REPLY', 'TICKET_STATUS']);
  });

  it('project requests go to staff; project status changes to the client', async () => {
    const p = await requestProject(client, { title: 'New site', type: 'WEBSITE', description: 'A brand new website for us.', requirements: 'Fast, accessible, bilingual.' });
    expect((await listNotifications(admin)).some((n) => n.kind === 'PROJECT_REQUESTED' && n.href === `/admin/projects/${p.id}`)).toBe(true);
    await moveProjectStatus(admin, { projectId: p.id, to: 'APPROVED' });
    expect((await listNotifications(client)).some((n) => n.kind === 'PROJECT_STATUS' && n.href === `/projects/${p.id}`)).toBe(true);
    const timeline = await entityTimeline(client, 'project', p.id);
    expect(timeline.map((e) => e.action)).toEqual([ACTIONS.projectRequested, ACTIONS.projectStatusChanged]);
    await expectRejects(() => entityTimeline(other, 'project', p.id), NotFoundError);
  });

  it('belong to their owner: another user cannot mark them read', async () => {
    const t = await makeTicket(client.id);
    await setTicketStatus(admin, t.ticketNumber, 'PENDING');
    const [n] = await listNotifications(client, { unreadOnly: true });
    expect(n).toBeTruthy();
    await expectRejects(() => markNotificationRead(other, n!.id), NotFoundError);
    await expectRejects(() => markNotificationRead(admin, n!.id), NotFoundError);
    expect(await markAllNotificationsRead(other)).toBe(0);
    expect((await listNotifications(client)).find((x) => x.id === n!.id)?.readAt).toBeNull();

    const unread = await unreadNotificationCount(client);
    await markNotificationRead(client, n!.id);
    expect(await unreadNotificationCount(client)).toBe(unread - 1);
    await markAllNotificationsRead(client);
    expect(await unreadNotificationCount(client)).toBe(0);
  });

  it('the bell (one statement) agrees with the count and the list, and is the viewer’s own', async () => {
    const t = await makeTicket(client.id);
    await setTicketStatus(admin, t.ticketNumber, 'PENDING');
    await setTicketStatus(admin, t.ticketNumber, 'RESOLVED');
    const [first] = await listNotifications(client, { unreadOnly: true });
    await markNotificationRead(client, first!.id);
    const bell = await notificationBell(client, 3);
    expect(bell.unread).toBe(await unreadNotificationCount(client));
    expect(bell.unread).toBeGreaterThan(0);
    expect(bell.items).toEqual(await listNotifications(client, { limit: 3 }));
    // A read notification is still listed; the count only counts unread ones.
    await markAllNotificationsRead(client);
    const after = await notificationBell(client, 3);
    expect(after.unread).toBe(0);
    expect(after.items.length).toBe(3);
    // Nobody's notifications: an empty bell, not an error.
    expect(await notificationBell({ id: '00000000-0000-0000-0000-000000000000', role: 'CLIENT' })).toEqual({ unread: 0, items: [] });
  });

  it('mail preferences: a kind turned off sends no mail but still notifies', async () => {
    expect((await getNotificationPreferences(client)).every((p) => p.email)).toBe(true);
    await setNotificationPreferences(client, { email: { TICKET_STATUS: false } });
    expect((await getNotificationPreferences(client)).find((p) => p.kind === 'TICKET_STATUS')?.email).toBe(false);
    const t = await makeTicket(client.id);
    await setTicketStatus(admin, t.ticketNumber, 'RESOLVED');
    expect((await outbox()).filter((m) => m.to === client.email)).toEqual([]);
    expect((await listNotifications(client)).some((n) => n.kind === 'TICKET_STATUS' && n.href?.endsWith(t.ticketNumber))).toBe(true);
    // Replies still come by mail (default on).
    await addComment(admin, t.ticketNumber, { content: 'One more thing' });
    expect((await outbox()).filter((m) => m.to === client.email).map((m) => m.template)).toEqual(['ticket-reply']);
    await setNotificationPreferences(client, { email: { TICKET_STATUS: true } });
  });

  it('a staff member who turned "new tickets" off gets no such mail; the other staff still do', async () => {
    await setNotificationPreferences(admin, { email: { TICKET_CREATED: false } });
    await clearOutbox();
    await createTicket(client, { subject: 'Opt-out check', description: 'Who hears about this ticket?' });
    const told = (await outbox()).filter((m) => m.template === 'ticket-created').map((m) => m.to);
    expect(told).not.toContain(admin.email);
    expect(told).toContain(admin2.email);
    await setNotificationPreferences(admin, { email: { TICKET_CREATED: true } });
  });
});

describe('activity log', () => {
  it('is written in the same transaction: a refused change writes no entry', async () => {
    const t = await makeTicket(client.id, { status: 'CLOSED' });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(activityLog);
    await expectRejects(() => setTicketStatus(client, t.ticketNumber, 'OPEN'), UserError);
    await expectRejects(() => changeUserRole(superAdmin, { userId: superAdmin.id, role: 'ADMIN' }), Error);
    const p = await createProject(client.id, { status: 'COMPLETED' });
    await expectRejects(() => moveProjectStatus(admin, { projectId: p.id, to: 'IN_PROGRESS' }), UserError);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(activityLog);
    expect(after[0].n).toBe(before[0].n);
  });

  it('an entry rolls back with its transaction', async () => {
    await expect(
      db.transaction(async (tx) => {
        await logActivity(tx, { actorId: admin.id, action: 'test.rollback', entityType: 'test', entityId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.select().from(activityLog).where(eq(activityLog.action, 'test.rollback'))).toEqual([]);
  });

  it('records role and activation changes; /admin/activity is SUPER_ADMIN only and filters', async () => {
    const target = (await createUser({ role: 'ADMIN' })).viewer;
    await changeUserRole(superAdmin, { userId: target.id, role: 'CLIENT' }, { ip: '198.51.100.1', userAgent: 'UA' });
    await setUserActive(superAdmin, { userId: target.id, active: false });
    await expectRejects(() => listActivity(admin, {}), NotFoundError);
    const page = await listActivity(superAdmin, { entityType: 'user', entityId: target.id });
    expect(page.items.map((e) => e.action).sort()).toEqual([ACTIONS.userActivationChanged, ACTIONS.userRoleChanged].sort());
    const byAction = await listActivity(superAdmin, { action: ACTIONS.userRoleChanged, actorId: superAdmin.id });
    expect(byAction.items.every((e) => e.action === ACTIONS.userRoleChanged)).toBe(true);
    expect(byAction.items[0]).toMatchObject({ ip: '198.51.100.1', userAgent: 'UA' });
    const future = await listActivity(superAdmin, { from: '2999-01-01' });
    expect(future.items).toEqual([]);
    const [u] = await db.select({ role: users.role }).from(users).where(eq(users.id, target.id));
    expect(u.role).toBe('CLIENT');
  });
});

describe('whose move and the service report', () => {
  it('derives waiting times from the logged status history', async () => {
    const c = (await createUser()).viewer;
    const t = await createTicket(c, { subject: 'Timing', description: 'Time me please.' });
    const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, t.id));
    const created = row.createdAt.getTime();
    const h = 3_600_000;
    // Rewrite the history to a scripted one: staff answered after 2 h, client after 24 h more.
    await db.update(activityLog).set({ createdAt: new Date(created) }).where(and(eq(activityLog.entityId, t.id), eq(activityLog.action, ACTIONS.ticketCreated)));
    await addComment(admin, t.ticketNumber, { content: 'First answer' });
    await addComment(c, t.ticketNumber, { content: 'Client answer' });
    const logRows = (await entries(t.id)).filter((e) => e.action === ACTIONS.ticketStatusChanged);
    expect(logRows.map((e) => (e.details as { to: string }).to)).toEqual(['PENDING', 'OPEN']);
    await db.update(activityLog).set({ createdAt: new Date(created + 2 * h) }).where(eq(activityLog.id, logRows[0]!.id));
    await db.update(activityLog).set({ createdAt: new Date(created + 26 * h) }).where(eq(activityLog.id, logRows[1]!.id));

    const w = await ticketWaiting(c, t.id, new Date(created + 30 * h));
    expect(w.waitingOn).toBe('agency');
    expect(w.currentMs).toBe(4 * h);
    expect(w.agencyMs).toBe(6 * h);
    expect(w.clientMs).toBe(24 * h);
    await expectRejects(() => ticketWaiting(other, t.id), NotFoundError);

    // The ticket page's single statement gives the same answers as the two functions above,
    // for the client (client-safe entries only) and for staff (every entry, names).
    await assignTicket(admin, t.ticketNumber, { assigneeId: admin.id });
    const now = new Date(created + 30 * h);
    for (const viewer of [c, admin]) {
      const combined = await ticketActivity(viewer, t.id, now);
      expect(combined.waiting).toEqual(await ticketWaiting(viewer, t.id, now));
      expect(combined.timeline).toEqual(await entityTimeline(viewer, 'ticket', t.id));
    }
    expect((await ticketActivity(c, t.id, now)).timeline.map((e) => e.action)).not.toContain(ACTIONS.ticketAssigned);
    expect((await ticketActivity(admin, t.id, now)).timeline.map((e) => e.action)).toContain(ACTIONS.ticketAssigned);
    await expectRejects(() => ticketActivity(other, t.id), NotFoundError);
    await expectRejects(() => ticketActivity(c, 'no-such-ticket'), NotFoundError);

    const report = await serviceReport(c);
    expect(report.tickets).toBe(1);
    expect(report.answered).toBe(1);
    expect(report.medianFirstResponseMs).not.toBeNull();
    const perStaff = await staffServiceReport(admin);
    expect(perStaff.find((s) => s.userId === admin.id)?.firstResponses).toBeGreaterThanOrEqual(1);
    await expectRejects(() => staffServiceReport(c), NotFoundError);
  });
});
