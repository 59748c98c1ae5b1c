import 'server-only';
import { createElement } from 'react';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db, type DbOrTx } from '@/db';
import { projects, supportTickets, ticketComments, users } from '@/db/schema';
import type { CommentSender, Role, TicketPriority, TicketStatus } from '@/db/schema';
import { ACTIONS, logActivity, type ActivityContext } from './activity';
import { decodeCursor, keysetClauses, keyText, toPage, type KeysetSort, type Page } from './keyset';
import { once } from './idempotency';
import { activeStaff, staffMailRecipients, notify, wantsMail, type NewNotification } from './notifications';
import { clientIdsMatching, likePattern } from './search';
import TicketAssignedEmail, { subject as ticketAssignedSubject } from '@/lib/email/templates/ticket-assigned';
import { assignTicketSchema, ticketPrioritySchema } from '@/lib/validation/collab';
import type { Viewer } from '@/lib/auth/session';
import { isStaff } from '@/lib/auth/roles';
import { NotFoundError, UserError } from '@/lib/action-result';
import { deliverSoon, queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/email/links';
import TicketCreatedEmail, { subject as ticketCreatedSubject } from '@/lib/email/templates/ticket-created';
import TicketReplyEmail, { subject as ticketReplySubject } from '@/lib/email/templates/ticket-reply';
import TicketStatusChangedEmail, {
  subject as ticketStatusChangedSubject,
} from '@/lib/email/templates/ticket-status-changed';
import {
  commentSchema,
  createTicketSchema,
  ticketListParamsSchema,
  ticketStatusSchema,
  THREAD_PAGE_SIZE,
  type TicketListParams,
  type TicketSort,
} from '@/lib/validation/tickets';
import {
  assertCanComment,
  assertTicketStatusChange,
  senderOfRole,
  sideOfRole,
  statusAfterComment,
  TICKET_STATUSES,
} from '@/lib/workflows';

// Support tickets and their comment threads, for both sides (ARCHITECTURE.md → Workflows).
// Every function takes the viewer first: a CLIENT only ever matches rows whose client_id is
// their own (a foreign or missing ticket is a NotFoundError, never a 403); staff see every row
// and may filter by client. Lists are one SQL statement each, with keyset pagination.

type ViewerLike = Pick<Viewer, 'id' | 'role'> & Partial<Pick<Viewer, 'name' | 'email' | 'company'>>;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export type TicketListItem = {
  id: string;
  ticketNumber: string;
  subject: string;
  status: TicketStatus;
  clientId: string;
  clientName: string | null;
  clientEmail: string;
  clientCompany: string | null;
  projectId: string | null;
  projectTitle: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastRepliedAt: Date | null;
  commentCount: number;
  /** Who wrote the latest comment (null: no comments yet). Internal notes never count. */
  lastSender: CommentSender | null;
  priority: TicketPriority;
  assignedTo: string | null;
  assigneeName: string | null;
};

/** The staff member a ticket is assigned to (a second join of users). */
const assignee = alias(users, 'assignee');

function ticketSort(name: TicketSort): KeysetSort {
  const activity = sql`coalesce(${supportTickets.lastRepliedAt}, ${supportTickets.createdAt})`;
  switch (name) {
    case 'created':
      return { key: sql`${supportTickets.createdAt}`, dir: 'desc', kind: 'timestamp', id: supportTickets.id };
    case 'updated':
      return { key: sql`${supportTickets.updatedAt}`, dir: 'desc', kind: 'timestamp', id: supportTickets.id };
    case 'waiting':
      return { key: activity, dir: 'asc', kind: 'timestamp', id: supportTickets.id };
    case 'priority':
      // Most urgent first, then longest waiting: one text key in the "C" collation (rank digit,
      // then the ISO activity time), so keyset pagination compares it byte by byte. The function
      // (migration 0015) lets idx_support_tickets_status_priority_key hold the key.
      return {
        key: sql`(ticket_priority_key(${supportTickets.priority}, ${supportTickets.lastRepliedAt}, ${supportTickets.createdAt}) collate "C")`,
        dir: 'asc',
        kind: 'text',
        id: supportTickets.id,
      };
    case 'last_reply':
    default:
      return { key: activity, dir: 'desc', kind: 'timestamp', id: supportTickets.id };
  }
}

/** The client scope: a CLIENT sees only their own rows; staff may narrow to one client. */
function clientScope(viewer: ViewerLike, clientId: string | undefined, column: PgColumn): SQL | undefined {
  if (!isStaff(viewer.role)) return eq(column, viewer.id);
  return clientId ? eq(column, clientId) : undefined;
}

/** The comments a viewer may read: a client never receives an internal note, whatever the page. */
export function commentsVisibleTo(viewer: Pick<Viewer, 'role'>): SQL | undefined {
  return isStaff(viewer.role) ? undefined : eq(ticketComments.internal, false);
}

/**
 * Comment count and last sender per ticket, joined laterally (one statement, no query per row).
 * Internal notes never count for a client; the last sender never considers them.
 */
function commentStats(database: DbOrTx, viewer: ViewerLike) {
  return database
    .select({
      commentCount: sql<number>`count(*)::int`.as('comment_count'),
      lastSender: sql<CommentSender | null>`(array_agg(${ticketComments.sender} ORDER BY ${ticketComments.createdAt} DESC, ${ticketComments.id} DESC) filter (where not ${ticketComments.internal}))[1]`.as(
        'last_sender',
      ),
    })
    .from(ticketComments)
    .where(and(eq(ticketComments.ticketId, supportTickets.id), commentsVisibleTo(viewer)))
    .as('comment_stats');
}

/**
 * The viewer's tickets (staff: all, optionally one client's), newest activity first by default,
 * with comment counts; filters status (one or many), search (subject or number), project, and for
 * staff the client (by id, or by name, email or company); 25 a page.
 */
export async function listTickets(viewer: ViewerLike, params: TicketListParams = {}): Promise<Page<TicketListItem>> {
  const { query, limit, sort, cursor, backwards } = ticketListQuery(viewer, params);
  return toPage(await query, limit, sort, cursor, backwards);
}

/** listTickets' statement, not yet run (tests read its plan). */
export function ticketListQuery(viewer: ViewerLike, params: TicketListParams = {}) {
  const p = ticketListParamsSchema.parse(params);
  const sort = ticketSort(p.sort);
  const cursor = decodeCursor(p.cursor, p.sort);
  const { where: after, orderBy, backwards } = keysetClauses(sort, cursor);
  const stats = commentStats(db, viewer);
  const staffViewer = isStaff(viewer.role);
  const assignedFilter =
    !staffViewer || !p.assigned
      ? undefined
      : p.assigned === 'unassigned'
        ? isNull(supportTickets.assignedTo)
        : eq(supportTickets.assignedTo, p.assigned === 'me' ? viewer.id : p.assigned);

  // Every filter but the status.
  const filters: (SQL | undefined)[] = [
    clientScope(viewer, p.clientId, supportTickets.clientId),
    p.projectId ? eq(supportTickets.projectId, p.projectId) : undefined,
    p.priority?.length ? inArray(supportTickets.priority, p.priority) : undefined,
    assignedFilter,
    p.search ? or(ilike(supportTickets.subject, likePattern(p.search)), ilike(supportTickets.ticketNumber, likePattern(p.search))) : undefined,
    staffViewer && p.clientSearch ? sql`${supportTickets.clientId} in ${clientIdsMatching(p.clientSearch)}` : undefined,
    after,
  ];
  // The staff queue over several statuses (the Active tab, All) in an order that has a
  // status-first index (activity: idx_support_tickets_status_activity; priority:
  // idx_support_tickets_status_priority_key): one page's worth of ids per status, each read in
  // index order, then merged below; instead of reading and sorting every ticket of those statuses
  // (at the bench's large scale 9,412 active tickets, 13 ms; all 200,000, 40 ms; decision 008,
  // thirteenth round). A client's list keeps its own index (client first); created and updated
  // have plain indexes of their own.
  const statuses = p.status?.length ? p.status : TICKET_STATUSES;
  const merge = staffViewer && !p.clientId && statuses.length > 1 && (p.sort === 'last_reply' || p.sort === 'waiting' || p.sort === 'priority');
  const perStatus = (status: TicketStatus) =>
    sql`(${db
      .select({ id: supportTickets.id })
      .from(supportTickets)
      .where(and(eq(supportTickets.status, status), ...filters))
      .orderBy(...orderBy)
      .limit(p.limit + 1)})`;
  const where = merge
    ? sql`${supportTickets.id} in (${sql.join(statuses.map(perStatus), sql` union all `)})`
    : and(p.status?.length ? inArray(supportTickets.status, p.status) : undefined, ...filters);

  const query = db
    .select({
      id: supportTickets.id,
      ticketNumber: supportTickets.ticketNumber,
      subject: supportTickets.subject,
      status: supportTickets.status,
      clientId: supportTickets.clientId,
      clientName: users.name,
      clientEmail: users.email,
      clientCompany: users.company,
      projectId: supportTickets.projectId,
      projectTitle: projects.title,
      createdAt: supportTickets.createdAt,
      updatedAt: supportTickets.updatedAt,
      lastRepliedAt: supportTickets.lastRepliedAt,
      commentCount: sql<number>`coalesce(${stats.commentCount}, 0)`.mapWith(Number),
      lastSender: stats.lastSender,
      priority: supportTickets.priority,
      assignedTo: supportTickets.assignedTo,
      assigneeName: sql<string | null>`coalesce(${assignee.name}, ${assignee.email})`,
      sortKey: keyText(sort),
    })
    .from(supportTickets)
    .innerJoin(users, eq(users.id, supportTickets.clientId))
    .leftJoin(projects, eq(projects.id, supportTickets.projectId))
    .leftJoin(assignee, eq(assignee.id, supportTickets.assignedTo))
    .leftJoinLateral(stats, sql`true`)
    .where(where)
    .orderBy(...orderBy)
    .limit(p.limit + 1);
  return { query, limit: p.limit, sort: p.sort, cursor, backwards };
}

/** Ticket counts per status in the viewer's scope (for filter tabs). One grouped statement. */
export async function ticketStatusCounts(
  viewer: ViewerLike,
  params: { clientId?: string } = {},
): Promise<Record<TicketStatus, number>> {
  const rows = await db
    .select({ status: supportTickets.status, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(supportTickets)
    .where(clientScope(viewer, params.clientId, supportTickets.clientId))
    .groupBy(supportTickets.status);
  const counts: Record<TicketStatus, number> = { OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** The queue tabs count at most this many tickets per status; past it a tab says "1,000+". */
export const QUEUE_COUNT_CAP = 1000;

/** A tab's count: exact up to the cap; `more` when there are more tickets than `n` (= the cap). */
export type BoundedCount = { n: number; more: boolean };

/**
 * Ticket counts per status for the staff queue's tabs, each bounded by `cap`: every status counts
 * at most cap + 1 entries of an index (idx_support_tickets_status_priority, or the client's
 * idx_support_tickets_client_status_activity), index only, so the statement costs the same with
 * 4,000 tickets as with 200,000 (docs/decisions/013-queue-counts-and-client-search.md). One
 * statement; exact below the cap, live (no cache). Clients use ticketStatusCounts (their own
 * tickets, always exact).
 */
export async function ticketQueueCounts(
  viewer: ViewerLike,
  params: { clientId?: string; clientSearch?: string; cap?: number } = {},
): Promise<Record<TicketStatus, BoundedCount>> {
  const cap = Math.max(1, Math.floor(params.cap ?? QUEUE_COUNT_CAP));
  // A client only ever counts their own tickets; staff may narrow to one client, or to the clients
  // whose name, email or company contains the queue's client search (clientIdsMatching, as
  // listTickets does).
  const staffViewer = isStaff(viewer.role);
  const clientId = staffViewer ? params.clientId : viewer.id;
  const search = staffViewer ? params.clientSearch?.trim() : undefined;
  const matching = search ? sql` and t.client_id in ${clientIdsMatching(search)}` : sql``;
  // One capped subquery per status. The LIMIT sits inside each count: the index scan stops at
  // cap + 1 entries whatever the status's size.
  const statuses = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];
  const capped = (status: TicketStatus) =>
    sql<number>`(select count(*)::int from (select 1 from support_tickets t where t.status = ${status}${
      clientId ? sql` and t.client_id = ${clientId}` : sql``
    }${matching} limit ${cap + 1}) capped)`;
  const [row] = await db
    .select({
      OPEN: capped('OPEN').mapWith(Number),
      PENDING: capped('PENDING').mapWith(Number),
      RESOLVED: capped('RESOLVED').mapWith(Number),
      CLOSED: capped('CLOSED').mapWith(Number),
    })
    .from(sql`(select 1) one`);
  const counts = {} as Record<TicketStatus, BoundedCount>;
  for (const s of statuses) {
    const n = row?.[s] ?? 0;
    counts[s] = n > cap ? { n: cap, more: true } : { n, more: false };
  }
  return counts;
}

export type TicketDetail = {
  id: string;
  ticketNumber: string;
  subject: string;
  description: string;
  status: TicketStatus;
  clientId: string;
  clientName: string | null;
  clientEmail: string;
  clientCompany: string | null;
  projectId: string | null;
  projectTitle: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastRepliedAt: Date | null;
  priority: TicketPriority;
  assignedTo: string | null;
  assigneeName: string | null;
};

function normaliseNumber(ticketNumber: string): string | null {
  const n = String(ticketNumber ?? '').trim().toUpperCase();
  return /^T-\d{6,}$/.test(n) ? n : null;
}

/** One ticket by its number (T-000123). NotFoundError when missing or not the viewer's. */
export async function getTicketByNumber(viewer: ViewerLike, ticketNumber: string): Promise<TicketDetail> {
  const number = normaliseNumber(ticketNumber);
  if (!number) throw new NotFoundError();
  const [row] = await db
    .select({
      id: supportTickets.id,
      ticketNumber: supportTickets.ticketNumber,
      subject: supportTickets.subject,
      description: supportTickets.description,
      status: supportTickets.status,
      clientId: supportTickets.clientId,
      clientName: users.name,
      clientEmail: users.email,
      clientCompany: users.company,
      projectId: supportTickets.projectId,
      projectTitle: projects.title,
      createdAt: supportTickets.createdAt,
      updatedAt: supportTickets.updatedAt,
      lastRepliedAt: supportTickets.lastRepliedAt,
      priority: supportTickets.priority,
      assignedTo: supportTickets.assignedTo,
      assigneeName: sql<string | null>`coalesce(${assignee.name}, ${assignee.email})`,
    })
    .from(supportTickets)
    .innerJoin(users, eq(users.id, supportTickets.clientId))
    .leftJoin(projects, eq(projects.id, supportTickets.projectId))
    .leftJoin(assignee, eq(assignee.id, supportTickets.assignedTo))
    .where(and(eq(supportTickets.ticketNumber, number), clientScope(viewer, undefined, supportTickets.clientId)))
    .limit(1);
  if (!row) throw new NotFoundError();
  // A client never learns who is assigned.
  if (!isStaff(viewer.role)) return { ...row, assignedTo: null, assigneeName: null };
  return row;
}

export type ThreadComment = {
  id: string;
  content: string;
  sender: CommentSender;
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string | null;
  authorRole: Role;
  /** Staff-only note (never returned to a client). */
  internal: boolean;
};

export type ThreadPage = {
  /** At most `limit` comments, oldest first: the newest ones, or the ones before `before`. */
  comments: ThreadComment[];
  /** The `before` value that shows the comments preceding these (null: these are the first). */
  earlierCursor: string | null;
};

/**
 * A ticket joined to the comments the viewer may see, with their authors: the ticket row alone
 * (comment columns null) when it has none, no row at all when it is foreign or missing.
 */
function threadRows(viewer: ViewerLike, ticketId: string) {
  return db
    .select({
      ticketId: supportTickets.id,
      id: ticketComments.id,
      content: ticketComments.content,
      sender: ticketComments.sender,
      createdAt: ticketComments.createdAt,
      updatedAt: ticketComments.updatedAt,
      authorId: users.id,
      authorName: users.name,
      authorRole: users.role,
      internal: ticketComments.internal,
    })
    .from(supportTickets)
    .leftJoin(
      ticketComments,
      and(
        eq(ticketComments.ticketId, supportTickets.id),
        commentsVisibleTo(viewer),
      ),
    )
    .leftJoin(users, eq(users.id, ticketComments.userId))
    .where(and(eq(supportTickets.id, String(ticketId ?? '')), clientScope(viewer, undefined, supportTickets.clientId)));
}

/**
 * One window of a ticket's thread, for the ticket pages: the newest `limit` comments, or with
 * `before` (a comment id of this ticket) the `limit` comments just older than it. A keyset on
 * (created_at, id), so a window costs the same however long the thread; the page (HTML, RSC
 * payload, hydration) stops growing with the thread too. One statement, scoped like
 * listComments: a foreign or missing ticket is a NotFoundError. An unknown `before` matches no
 * comment and yields an empty window.
 */
export async function listThread(
  viewer: ViewerLike,
  ticketId: string,
  params: { before?: string | null; limit?: number } = {},
): Promise<ThreadPage> {
  const { query, limit } = threadWindowQuery(viewer, ticketId, params);
  const rows: ThreadRow[] = await query;
  if (rows.length === 0) throw new NotFoundError();
  const comments = toThreadComments(rows.slice(0, limit)).reverse();
  return { comments, earlierCursor: rows.length > limit && comments[0] ? comments[0].id : null };
}

/** listThread's statement (exported for the plan test): limit + 1 rows, newest first. */
export function threadWindowQuery(viewer: ViewerLike, ticketId: string, params: { before?: string | null; limit?: number } = {}) {
  const limit = Math.min(Math.max(params.limit ?? THREAD_PAGE_SIZE, 1), 200);
  const before = params.before ? String(params.before).slice(0, 100) : null;
  // The window is a lateral subquery with its own LIMIT: it walks
  // idx_ticket_comments_ticket_created backwards from its edge and joins the authors of the
  // window alone. Joined to the ticket first, every comment of the thread was read, joined to
  // its author and sorted before the window was kept (500 of them on the bench's long thread).
  const window = db
    .select({
      id: ticketComments.id,
      content: ticketComments.content,
      sender: ticketComments.sender,
      createdAt: ticketComments.createdAt,
      updatedAt: ticketComments.updatedAt,
      userId: ticketComments.userId,
      internal: ticketComments.internal,
    })
    .from(ticketComments)
    .where(
      and(
        sql`${ticketComments.ticketId} = ${supportTickets.id}`,
        commentsVisibleTo(viewer),
        before
          ? sql`(${ticketComments.createdAt}, ${ticketComments.id}) < (select c.created_at, c.id from ${ticketComments} c
              where c.id = ${before} and c.ticket_id = ${supportTickets.id})`
          : undefined,
      ),
    )
    .orderBy(desc(ticketComments.createdAt), desc(ticketComments.id))
    .limit(limit + 1)
    .as('thread_window');
  const query = db
    .select({
      id: window.id,
      content: window.content,
      sender: window.sender,
      createdAt: window.createdAt,
      updatedAt: window.updatedAt,
      authorId: users.id,
      authorName: users.name,
      authorRole: users.role,
      internal: window.internal,
    })
    .from(supportTickets)
    .leftJoinLateral(window, sql`true`)
    .leftJoin(users, eq(users.id, window.userId))
    .where(and(eq(supportTickets.id, String(ticketId ?? '')), clientScope(viewer, undefined, supportTickets.clientId)))
    .orderBy(desc(window.createdAt), desc(window.id));
  return { query, limit };
}

type ThreadRow = {
  id: string | null;
  content: string | null;
  sender: CommentSender | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  authorId: string | null;
  authorName: string | null;
  authorRole: Role | null;
  internal: boolean | null;
};

/** Drops the left join's empty row (a ticket without comments) and fills the author fallbacks. */
function toThreadComments(rows: ThreadRow[]): ThreadComment[] {
  const out: ThreadComment[] = [];
  for (const r of rows) {
    if (r.id === null || r.content === null || r.sender === null || r.createdAt === null || r.updatedAt === null) continue;
    out.push({
      id: r.id,
      content: r.content,
      sender: r.sender,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      authorId: r.authorId ?? '',
      authorName: r.authorName,
      authorRole: r.authorRole ?? (r.sender === 'ADMIN' ? 'ADMIN' : 'CLIENT'),
      internal: r.internal === true,
    });
  }
  return out;
}

/**
 * A ticket's comments, oldest first, with author name and role. One statement: the ticket is
 * joined to its comments, so a foreign or missing ticket (no row at all) is a NotFoundError.
 */
export async function listComments(viewer: ViewerLike, ticketId: string): Promise<ThreadComment[]> {
  const rows = await threadRows(viewer, ticketId).orderBy(asc(ticketComments.createdAt), asc(ticketComments.id));
  if (rows.length === 0) throw new NotFoundError();
  return toThreadComments(rows);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function displayName(v: { name?: string | null; email?: string | null }): string {
  return v.name?.trim() || v.email || 'Someone';
}

const ticketUrl = (side: 'client' | 'agency', number: string) =>
  appUrl(side === 'agency' ? `/admin/tickets/${number}` : `/tickets/${number}`);

/** The client a staff viewer acts for: it must be an existing CLIENT account. */
async function resolveClient(
  tx: DbOrTx,
  viewer: ViewerLike,
  clientId: string | undefined,
): Promise<{ id: string; email: string; name: string | null; company: string | null; active: boolean }> {
  const id = isStaff(viewer.role) ? clientId : viewer.id;
  if (!id) throw new UserError('Choose the client this is for.', { clientId: ['Choose a client'] });
  const [client] = await tx
    .select({ id: users.id, email: users.email, name: users.name, company: users.company, active: users.active, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!client || client.role !== 'CLIENT') {
    if (!isStaff(viewer.role)) throw new NotFoundError();
    throw new UserError('Choose an existing client.', { clientId: ['Choose an existing client'] });
  }
  return client;
}

/**
 * Opens a ticket (status OPEN; the number comes from the database). A CLIENT opens it for
 * themselves and the staff are mailed; staff open it for `input.clientId` and the client is mailed.
 * An optional `projectId` must be one of that client's projects.
 */
export async function createTicket(
  viewer: ViewerLike,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ id: string; ticketNumber: string }> {
  const data = createTicketSchema.parse(input);
  const mailIds: string[] = [];
  const created = await db.transaction((tx) =>
    once(tx, {
      userId: viewer.id,
      key: data.idempotencyKey,
      entityType: 'ticket',
      idOf: (ticket) => ticket.id,
      replay: (id) => ticketRef(tx, id),
      create: async () => {
        const client = await resolveClient(tx, viewer, data.clientId);
        if (data.projectId) {
          const [project] = await tx
            .select({ id: projects.id })
            .from(projects)
            .where(and(eq(projects.id, data.projectId), eq(projects.clientId, client.id)))
            .limit(1);
          if (!project) {
            throw new UserError('Choose one of your projects, or none.', {
              projectId: ['Choose one of your projects, or none'],
            });
          }
        }
        const [ticket] = await tx
          .insert(supportTickets)
          .values({
            subject: data.subject,
            description: data.description,
            clientId: client.id,
            projectId: data.projectId,
            status: 'OPEN',
            priority: data.priority ?? 'MEDIUM',
          })
          .returning({ id: supportTickets.id, ticketNumber: supportTickets.ticketNumber });
        await logActivity(tx, {
          ...ctx,
          actorId: viewer.id,
          action: ACTIONS.ticketCreated,
          entityType: 'ticket',
          entityId: ticket.id,
          details: { ticketNumber: ticket.ticketNumber, status: 'OPEN', priority: data.priority ?? 'MEDIUM' },
        });

        if (!isStaff(viewer.role)) {
          await notify(
            tx,
            (await activeStaff(tx)).map((s) => ({
              userId: s.id,
              kind: 'TICKET_CREATED' as const,
              ticketId: ticket.id,
              title: `New ticket ${ticket.ticketNumber}: ${data.subject}`,
              body: `From ${displayName(client)}`,
            })),
          );
          for (const to of await staffMailRecipients(tx, 'TICKET_CREATED')) {
            mailIds.push(
              await queueEmail(tx, {
                to,
                template: 'ticket-created',
                subject: ticketCreatedSubject({ ticketNumber: ticket.ticketNumber, subject: data.subject }),
                element: createElement(TicketCreatedEmail, {
                  audience: 'agency',
                  ticketNumber: ticket.ticketNumber,
                  subject: data.subject,
                  description: data.description,
                  authorName: displayName(client),
                  company: client.company,
                  url: ticketUrl('agency', ticket.ticketNumber),
                }),
              }),
            );
          }
        } else if (client.active) {
          mailIds.push(
            await queueEmail(tx, {
              to: client.email,
              template: 'ticket-created',
              subject: ticketCreatedSubject({ ticketNumber: ticket.ticketNumber, subject: data.subject }),
              element: createElement(TicketCreatedEmail, {
                audience: 'client',
                ticketNumber: ticket.ticketNumber,
                subject: data.subject,
                description: data.description,
                authorName: displayName(viewer),
                url: ticketUrl('client', ticket.ticketNumber),
              }),
            }),
          );
        }
        return ticket;
      },
    }),
  );
  deliverSoon(mailIds);
  return created;
}

/** A created ticket as createTicket returns it (an idempotent replay reads it back). */
async function ticketRef(tx: DbOrTx, id: string): Promise<{ id: string; ticketNumber: string }> {
  const [row] = await tx
    .select({ id: supportTickets.id, ticketNumber: supportTickets.ticketNumber })
    .from(supportTickets)
    .where(eq(supportTickets.id, id))
    .limit(1);
  if (!row) throw new NotFoundError();
  return row;
}

/** An added comment as addComment returns it (an idempotent replay reads it back). */
async function commentRef(tx: DbOrTx, id: string): Promise<AddedComment> {
  const [row] = await tx
    .select({
      id: ticketComments.id,
      createdAt: ticketComments.createdAt,
      sender: ticketComments.sender,
      internal: ticketComments.internal,
      status: supportTickets.status,
    })
    .from(ticketComments)
    .innerJoin(supportTickets, eq(supportTickets.id, ticketComments.ticketId))
    .where(eq(ticketComments.id, id))
    .limit(1);
  if (!row) throw new NotFoundError();
  return row.internal ? row : { id: row.id, createdAt: row.createdAt, sender: row.sender, status: row.status };
}

/** Locks the ticket row (FOR UPDATE) in the viewer's scope; NotFoundError when not theirs. */
async function lockTicket(tx: DbOrTx, viewer: ViewerLike, ticketNumber: string) {
  const number = normaliseNumber(ticketNumber);
  if (!number) throw new NotFoundError();
  const [ticket] = await tx
    .select({
      id: supportTickets.id,
      ticketNumber: supportTickets.ticketNumber,
      subject: supportTickets.subject,
      status: supportTickets.status,
      clientId: supportTickets.clientId,
      clientEmail: users.email,
      clientActive: users.active,
      priority: supportTickets.priority,
      assignedTo: supportTickets.assignedTo,
    })
    .from(supportTickets)
    .innerJoin(users, eq(users.id, supportTickets.clientId))
    .where(and(eq(supportTickets.ticketNumber, number), clientScope(viewer, undefined, supportTickets.clientId)))
    .limit(1)
    .for('update', { of: supportTickets });
  if (!ticket) throw new NotFoundError();
  return ticket;
}

export type AddedComment = { id: string; createdAt: Date; sender: CommentSender; status: TicketStatus; internal?: boolean };

/**
 * Adds a comment. The sender follows the author's role (CLIENT or ADMIN); the status follows the
 * workflow (client reply → OPEN, staff reply → PENDING); last_replied_at and updated_at move.
 * A CLOSED ticket refuses. The ticket row is locked for the whole transaction, so concurrent
 * replies are serialised. Staff are mailed on a client reply, the client on a staff reply.
 */
export async function addComment(
  viewer: ViewerLike,
  ticketNumber: string,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<AddedComment> {
  // Classic z.parse on the shared zod/mini schema: a refusal is a classic ZodError, which the
  // actions turn into field messages (a mini schema's own .parse throws a $ZodError they miss).
  const { content, internal: wantsInternal, idempotencyKey } = z.parse(commentSchema, input);
  const sender = senderOfRole(viewer.role);
  // Only staff write internal notes; a client's "internal" flag is ignored.
  const internal = wantsInternal === true && isStaff(viewer.role);
  const mailIds: string[] = [];
  const result = await db.transaction((tx) =>
    once(tx, {
      userId: viewer.id,
      key: idempotencyKey,
      entityType: 'comment',
      idOf: (comment) => comment.id,
      replay: (id) => commentRef(tx, id),
      create: async () => {
        const ticket = await lockTicket(tx, viewer, ticketNumber);
        assertCanComment(ticket.status);
        if (internal) {
          // An internal note: no status change, no last_replied_at, no mail, no notification.
          const [note] = await tx
            .insert(ticketComments)
            .values({
              content,
              ticketId: ticket.id,
              userId: viewer.id,
              sender,
              internal: true,
              createdAt: sql`clock_timestamp()`,
              updatedAt: sql`clock_timestamp()`,
            })
            .returning({ id: ticketComments.id, createdAt: ticketComments.createdAt });
          return { id: note.id, createdAt: note.createdAt, sender, status: ticket.status, internal: true };
        }
        const status = statusAfterComment(ticket.status, sender);
        if (!status) throw new UserError('This ticket is closed and takes no more replies.');

        // The comment is stamped with clock_timestamp() taken after the row lock was granted, so the
        // thread's order (created_at) is the order in which replies took the lock and set the status:
        // the newest comment always matches the ticket's status and last_replied_at. (now() would be
        // the transaction's start, which under contention is not the commit order.)
        const [comment] = await tx
          .insert(ticketComments)
          .values({
            content,
            ticketId: ticket.id,
            userId: viewer.id,
            sender,
            createdAt: sql`clock_timestamp()`,
            updatedAt: sql`clock_timestamp()`,
          })
          .returning({ id: ticketComments.id, createdAt: ticketComments.createdAt });

        const stamp = sql`(select ${ticketComments.createdAt} from ${ticketComments} where ${ticketComments.id} = ${comment.id})`;
        await tx
          .update(supportTickets)
          .set({
            status,
            lastRepliedAt: sql`greatest(coalesce(${supportTickets.lastRepliedAt}, ${stamp}), ${stamp})`,
            updatedAt: sql`greatest(${supportTickets.updatedAt}, ${stamp})`,
          })
          .where(eq(supportTickets.id, ticket.id));
        if (status !== ticket.status) {
          await logActivity(tx, {
            ...ctx,
            actorId: viewer.id,
            action: ACTIONS.ticketStatusChanged,
            entityType: 'ticket',
            entityId: ticket.id,
            details: { from: ticket.status, to: status, via: 'comment' },
          });
        }

        const mail = {
          ticketNumber: ticket.ticketNumber,
          subject: ticket.subject,
          authorName: displayName(viewer),
          content,
        };
        if (sender === 'CLIENT') {
          // The assignee hears of a client reply; an unassigned ticket tells every active staff member.
          const staffList = await activeStaff(tx);
          const audience = ticket.assignedTo ? staffList.filter((s) => s.id === ticket.assignedTo) : staffList;
          await notify(
            tx,
            audience.map((s) => ({
              userId: s.id,
              kind: 'TICKET_REPLY' as const,
              ticketId: ticket.id,
              title: `Client reply on ${ticket.ticketNumber}: ${ticket.subject}`,
              body: content.slice(0, 200),
            })),
          );
          for (const to of await staffMailRecipients(tx, 'TICKET_REPLY')) {
            mailIds.push(
              await queueEmail(tx, {
                to,
                template: 'ticket-reply',
                subject: ticketReplySubject(mail),
                element: createElement(TicketReplyEmail, { ...mail, audience: 'agency', url: ticketUrl('agency', ticket.ticketNumber) }),
              }),
            );
          }
        } else if (ticket.clientActive) {
          await notify(tx, [
            {
              userId: ticket.clientId,
              kind: 'TICKET_REPLY',
              ticketId: ticket.id,
              title: `The agency replied on ${ticket.ticketNumber}: ${ticket.subject}`,
              body: content.slice(0, 200),
            },
          ]);
        }
        if (sender !== 'CLIENT' && ticket.clientActive && (await wantsMail(tx, ticket.clientId, 'TICKET_REPLY'))) {
          mailIds.push(
            await queueEmail(tx, {
              to: ticket.clientEmail,
              template: 'ticket-reply',
              subject: ticketReplySubject(mail),
              element: createElement(TicketReplyEmail, { ...mail, audience: 'client', url: ticketUrl('client', ticket.ticketNumber) }),
            }),
          );
        }
        return { id: comment.id, createdAt: comment.createdAt, sender, status };
      },
    }),
  );
  deliverSoon(mailIds);
  return result;
}

/**
 * Changes a ticket's status by hand. A client may mark OPEN/PENDING resolved and reopen a
 * RESOLVED one; staff may set OPEN, PENDING, RESOLVED or CLOSED (the client is mailed).
 */
export async function setTicketStatus(
  viewer: ViewerLike,
  ticketNumber: string,
  status: unknown,
  ctx: ActivityContext = {},
): Promise<{ status: TicketStatus; previous: TicketStatus }> {
  const to = ticketStatusSchema.parse(status);
  const side = sideOfRole(viewer.role);
  const mailIds: string[] = [];
  const result = await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, viewer, ticketNumber);
    assertTicketStatusChange(side, ticket.status, to);
    await tx.update(supportTickets).set({ status: to }).where(eq(supportTickets.id, ticket.id));
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.ticketStatusChanged,
      entityType: 'ticket',
      entityId: ticket.id,
      details: { from: ticket.status, to },
    });
    if (side === 'agency' && ticket.clientActive) {
      await notify(tx, [
        {
          userId: ticket.clientId,
          kind: 'TICKET_STATUS',
          ticketId: ticket.id,
          title: `Ticket ${ticket.ticketNumber} is now ${to.toLowerCase()}`,
          body: ticket.subject,
        },
      ]);
    }
    if (side === 'agency' && ticket.clientActive && (await wantsMail(tx, ticket.clientId, 'TICKET_STATUS'))) {
      const props = {
        ticketNumber: ticket.ticketNumber,
        subject: ticket.subject,
        from: ticket.status,
        to,
        url: ticketUrl('client', ticket.ticketNumber),
      };
      mailIds.push(
        await queueEmail(tx, {
          to: ticket.clientEmail,
          template: 'ticket-status-changed',
          subject: ticketStatusChangedSubject(props),
          element: createElement(TicketStatusChangedEmail, props),
        }),
      );
    }
    return { status: to, previous: ticket.status };
  });
  deliverSoon(mailIds);
  return result;
}

/** The viewer's projects as choices for the "Project" field of a new ticket (staff: one client's). */
export async function ticketProjectChoices(
  viewer: ViewerLike,
  clientId?: string,
): Promise<{ id: string; title: string }[]> {
  const scope = clientScope(viewer, clientId, projects.clientId);
  if (!scope) return [];
  return db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(scope, sql`${projects.status} <> 'CANCELLED'`))
    .orderBy(desc(projects.updatedAt), asc(projects.id))
    .limit(200);
}

// ---------------------------------------------------------------------------------------------
// Priority and assignment (staff only; issue 8)
// ---------------------------------------------------------------------------------------------

/** Staff change a ticket's priority. Logged in the same transaction. */
export async function setTicketPriority(
  viewer: ViewerLike,
  ticketNumber: string,
  priority: unknown,
  ctx: ActivityContext = {},
): Promise<{ priority: TicketPriority; previous: TicketPriority; changed: boolean }> {
  if (!isStaff(viewer.role)) throw new NotFoundError();
  const to = ticketPrioritySchema.parse(priority);
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, viewer, ticketNumber);
    if (ticket.priority === to) return { priority: to, previous: ticket.priority, changed: false };
    await tx.update(supportTickets).set({ priority: to }).where(eq(supportTickets.id, ticket.id));
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.ticketPriorityChanged,
      entityType: 'ticket',
      entityId: ticket.id,
      details: { from: ticket.priority, to },
    });
    return { priority: to, previous: ticket.priority, changed: true };
  });
}

/** The active staff members a ticket may be assigned to. */
export async function assigneeChoices(viewer: ViewerLike): Promise<{ id: string; label: string }[]> {
  if (!isStaff(viewer.role)) throw new NotFoundError();
  const rows = await activeStaff(db);
  return rows
    .map((r) => ({ id: r.id, label: r.name ? `${r.name} (${r.email})` : r.email }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Assigns a ticket to an active staff member, or unassigns it (assigneeId "" / null). The
 * assignee is notified (and mailed unless they turned that mail off); logged in the same transaction.
 */
export async function assignTicket(
  viewer: ViewerLike,
  ticketNumber: string,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ assignedTo: string | null; previous: string | null; changed: boolean }> {
  if (!isStaff(viewer.role)) throw new NotFoundError();
  const { assigneeId } = assignTicketSchema.parse(input);
  const mailIds: string[] = [];
  const result = await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, viewer, ticketNumber);
    let target: { id: string; email: string; name: string | null } | null = null;
    if (assigneeId) {
      const [row] = await tx
        .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
        .from(users)
        .where(eq(users.id, assigneeId))
        .limit(1);
      if (!row || !isStaff(row.role) || !row.active) {
        throw new UserError('Choose an active staff member.', { assigneeId: ['Choose an active staff member'] });
      }
      target = row;
    }
    const to = target?.id ?? null;
    if (ticket.assignedTo === to) return { assignedTo: to, previous: ticket.assignedTo, changed: false };
    await tx.update(supportTickets).set({ assignedTo: to }).where(eq(supportTickets.id, ticket.id));
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.ticketAssigned,
      entityType: 'ticket',
      entityId: ticket.id,
      details: { from: ticket.assignedTo, to },
    });
    if (target && target.id !== viewer.id) {
      const note: NewNotification = {
        userId: target.id,
        kind: 'TICKET_ASSIGNED',
        ticketId: ticket.id,
        title: `Assigned to you: ${ticket.ticketNumber}: ${ticket.subject}`,
        body: `By ${displayName(viewer)}`,
      };
      await notify(tx, [note]);
      if (await wantsMail(tx, target.id, 'TICKET_ASSIGNED')) {
        const props = {
          ticketNumber: ticket.ticketNumber,
          subject: ticket.subject,
          assignedBy: displayName(viewer),
          url: ticketUrl('agency', ticket.ticketNumber),
        };
        mailIds.push(
          await queueEmail(tx, {
            to: target.email,
            template: 'ticket-assigned',
            subject: ticketAssignedSubject(props),
            element: createElement(TicketAssignedEmail, props),
          }),
        );
      }
    }
    return { assignedTo: to, previous: ticket.assignedTo, changed: true };
  });
  deliverSoon(mailIds);
  return result;
}
