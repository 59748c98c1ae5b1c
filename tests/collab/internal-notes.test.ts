import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { notifications, supportTickets } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { addComment, getTicketByNumber, listComments, listTickets } from '@/db/queries/tickets';
import { clientDashboard } from '@/db/queries/dashboard';
import { entityTimeline, serviceReport } from '@/db/queries/activity';
import { listNotifications, unreadNotificationCount } from '@/db/queries/notifications';
import { createTicket as makeTicket, createUser, readMailbox, type TestViewer } from '../helpers/factories';
import { clearOutbox, outbox, ticketState } from '../portal/helpers';

const SECRET = 'INTERNAL-ONLY: the client is on a payment plan';

let client: TestViewer;
let admin: TestViewer;

beforeAll(async () => {
  client = (await createUser({ name: 'Cora Client' })).viewer;
  admin = (await createUser({ role: 'ADMIN', name: 'Ada Admin' })).viewer;
});

beforeEach(async () => {
  delete process.env.AGENCY_NOTIFY_EMAIL;
  resetEnvCache();
  await clearOutbox();
});

describe('internal notes', () => {
  it('never reach the client by any path', async () => {
    const ticket = await makeTicket(client.id, { subject: 'Invoice question', status: 'OPEN' });
    // A public client comment first, so "last reply" has a value to compare against.
    await addComment(client, ticket.ticketNumber, { content: 'Any news?' });
    await clearOutbox();
    const before = await ticketState(ticket.id);
    const notesBefore = await db.select().from(notifications).where(eq(notifications.userId, client.id));

    const added = await addComment(admin, ticket.ticketNumber, { content: SECRET, internal: true });
    expect(added.internal).toBe(true);
    expect(added.status).toBe('OPEN');

    // Staff see it, marked internal.
    const staffThread = await listComments(admin, ticket.id);
    expect(staffThread.find((c) => c.content === SECRET)?.internal).toBe(true);

    // The client's thread, ticket page, list count and last sender never show it.
    const clientThread = await listComments(client, ticket.id);
    expect(clientThread.map((c) => c.content)).not.toContain(SECRET);
    expect(clientThread.every((c) => !c.internal)).toBe(true);
    const page = await listTickets(client, {});
    const row = page.items.find((t) => t.id === ticket.id)!;
    expect(row.commentCount).toBe(1);
    expect(row.lastSender).toBe('CLIENT');
    const detail = await getTicketByNumber(client, ticket.ticketNumber);
    expect(JSON.stringify(detail)).not.toContain(SECRET);

    // Staff lists still give the last public sender.
    const staffRow = (await listTickets(admin, { clientId: client.id })).items.find((t) => t.id === ticket.id)!;
    expect(staffRow.lastSender).toBe('CLIENT');

    // Status and last_replied_at do not move.
    expect(await ticketState(ticket.id)).toEqual(before);

    // No mail at all (outbox and delivered mailbox), no notification to the client.
    expect(await outbox()).toEqual([]);
    expect(readMailbox().filter((m) => m.html.includes(SECRET) || m.text.includes(SECRET))).toEqual([]);
    const notesAfter = await db.select().from(notifications).where(eq(notifications.userId, client.id));
    expect(notesAfter.length).toBe(notesBefore.length);
    expect(await unreadNotificationCount(client)).toBe(notesBefore.length);
    expect(JSON.stringify(await listNotifications(client))).not.toContain(SECRET);

    // The dashboard's recent activity and the ticket timeline do not carry it.
    const dash = await clientDashboard(client);
    expect(JSON.stringify(dash)).not.toContain(SECRET);
    expect(dash.recentActivity.filter((a) => a.kind === 'comment' && a.detail === 'ADMIN')).toEqual([]);
    const timeline = await entityTimeline(client, 'ticket', ticket.id);
    expect(JSON.stringify(timeline)).not.toContain(SECRET);

    // An internal note is not a first response in the service report.
    const report = await serviceReport(client);
    expect(report.answered).toBe(0);
  });

  it('a client cannot write one (the flag is ignored)', async () => {
    const ticket = await makeTicket(client.id, { status: 'PENDING' });
    const added = await addComment(client, ticket.ticketNumber, { content: 'Hello there', internal: true });
    expect(added.internal).toBeFalsy();
    const thread = await listComments(client, ticket.id);
    expect(thread.map((c) => c.content)).toContain('Hello there');
    const [row] = await db.select({ status: supportTickets.status }).from(supportTickets).where(eq(supportTickets.id, ticket.id));
    expect(row.status).toBe('OPEN');
  });
});
