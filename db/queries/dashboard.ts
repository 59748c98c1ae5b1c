import 'server-only';
import { and, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { projects, supportTickets, ticketComments, users } from '@/db/schema';
import type { CommentSender, ProjectStatus, TicketStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { isStaff } from '@/lib/auth/roles';
import { ACTIVE_PROJECT_STATUSES } from '@/lib/workflows';
import { commentsVisibleTo, listTickets, type TicketListItem } from './tickets';

// The client dashboard: two statements, whatever the amount of data.
//   1. project and ticket counts per status (a UNION ALL of two grouped selects) and the recent
//      activity — comments, new tickets and project updates, newest first — as two JSON arrays
//      of one statement
//   2. tickets waiting for the client's reply (PENDING), longest waiting first, beside it

type ViewerLike = Pick<Viewer, 'id' | 'role'>;

export type ActivityItem = {
  kind: 'comment' | 'ticket' | 'project';
  at: Date;
  /** Ticket number (comment, ticket) or project id (project). */
  ref: string;
  /** Ticket subject or project title. */
  title: string;
  /** Comment: who wrote it (CLIENT / ADMIN); project: its status; ticket: its status. */
  detail: string;
  /** Comment author's name. */
  actor: string | null;
};

export type ClientDashboard = {
  projectCounts: Record<ProjectStatus, number>;
  ticketCounts: Record<TicketStatus, number>;
  /** APPROVED + IN_PROGRESS + REVIEW. */
  activeProjects: number;
  /** Not yet approved. */
  pendingProjects: number;
  /** OPEN + PENDING. */
  openTickets: number;
  /** PENDING tickets: the agency answered and waits for the client. */
  waitingForYou: TicketListItem[];
  waitingForYouCount: number;
  recentActivity: ActivityItem[];
};

export async function clientDashboard(
  viewer: ViewerLike,
  params: { clientId?: string; activityLimit?: number } = {},
): Promise<ClientDashboard> {
  const clientId = isStaff(viewer.role) ? params.clientId : viewer.id;
  const projectScope: SQL | undefined = clientId ? eq(projects.clientId, clientId) : undefined;
  const ticketScope: SQL | undefined = clientId ? eq(supportTickets.clientId, clientId) : undefined;
  const activityLimit = Math.min(Math.max(params.activityLimit ?? 8, 1), 50);

  // 1. Counts (built here, sent below in one statement with the recent activity).
  const countsQ = unionAll(
    db
      .select({ what: sql<string>`'project'`.as('what'), status: sql<string>`${projects.status}::text`.as('status'), n: sql<number>`count(*)::int`.as('n') })
      .from(projects)
      .where(projectScope)
      .groupBy(projects.status),
    db
      .select({ what: sql<string>`'ticket'`.as('what'), status: sql<string>`${supportTickets.status}::text`.as('status'), n: sql<number>`count(*)::int`.as('n') })
      .from(supportTickets)
      .where(ticketScope)
      .groupBy(supportTickets.status),
  );

  // 2. Waiting for the client (started now, runs beside the statement below).
  const waitingPromise = listTickets(viewer, { status: 'PENDING', sort: 'waiting', limit: 5, clientId });

  // 3. Recent activity.
  const limit = activityLimit;
  // Comments: the newest comments of a client are on the tickets with the newest activity (a
  // ticket's last_replied_at is its newest comment), so the statement reads the client's `limit`
  // most recently active tickets through idx_support_tickets_client_activity and at most `limit`
  // comments of each — never the whole comment history (docs/decisions/008-performance.md).
  // Without a client (staff, every client) the newest comments overall come from the created_at index.
  const hideInternal = commentsVisibleTo(viewer);
  const allComments = () =>
    db
      .select({
        kind: sql<string>`'comment'`.as('kind'),
        at: sql<string>`${ticketComments.createdAt}`.as('at'),
        ref: sql<string>`${supportTickets.ticketNumber}`.as('ref'),
        title: sql<string>`${supportTickets.subject}`.as('title'),
        detail: sql<string>`${ticketComments.sender}::text`.as('detail'),
        actor: sql<string | null>`${users.name}`.as('actor'),
      })
      .from(ticketComments)
      .innerJoin(supportTickets, eq(supportTickets.id, ticketComments.ticketId))
      .innerJoin(users, eq(users.id, ticketComments.userId))
      .where(hideInternal)
      .orderBy(desc(ticketComments.createdAt))
      .limit(limit);
  const commentsQ = clientId
    ? ((() => {
        const recent = db
          .select({ id: supportTickets.id, ticketNumber: supportTickets.ticketNumber, subject: supportTickets.subject })
          .from(supportTickets)
          .where(and(ticketScope, isNotNull(supportTickets.lastRepliedAt)))
          .orderBy(desc(sql`coalesce(${supportTickets.lastRepliedAt}, ${supportTickets.createdAt})`), desc(supportTickets.id))
          .limit(limit)
          .as('recent_tickets');
        const latest = db
          .select({ createdAt: ticketComments.createdAt, sender: ticketComments.sender, userId: ticketComments.userId })
          .from(ticketComments)
          .where(and(sql`${ticketComments.ticketId} = ${recent.id}`, hideInternal))
          .orderBy(desc(ticketComments.createdAt))
          .limit(limit)
          .as('latest_comments');
        return db
          .select({
            kind: sql<string>`'comment'`.as('kind'),
            at: sql<string>`${latest.createdAt}`.as('at'),
            ref: sql<string>`${recent.ticketNumber}`.as('ref'),
            title: sql<string>`${recent.subject}`.as('title'),
            detail: sql<string>`${latest.sender}::text`.as('detail'),
            actor: sql<string | null>`${users.name}`.as('actor'),
          })
          .from(recent)
          .innerJoinLateral(latest, sql`true`)
          .innerJoin(users, eq(users.id, latest.userId))
          .orderBy(desc(latest.createdAt))
          .limit(limit);
      })() as unknown as ReturnType<typeof allComments>)
    : allComments();
  const ticketsQ = db
    .select({
      kind: sql<string>`'ticket'`.as('kind'),
      at: sql<string>`${supportTickets.createdAt}`.as('at'),
      ref: sql<string>`${supportTickets.ticketNumber}`.as('ref'),
      title: sql<string>`${supportTickets.subject}`.as('title'),
      detail: sql<string>`${supportTickets.status}::text`.as('detail'),
      actor: sql<string | null>`null::text`.as('actor'),
    })
    .from(supportTickets)
    .where(ticketScope)
    .orderBy(desc(supportTickets.createdAt))
    .limit(limit);
  const projectsQ = db
    .select({
      kind: sql<string>`'project'`.as('kind'),
      at: sql<string>`${projects.updatedAt}`.as('at'),
      ref: sql<string>`${projects.id}`.as('ref'),
      title: sql<string>`${projects.title}`.as('title'),
      detail: sql<string>`${projects.status}::text`.as('detail'),
      actor: sql<string | null>`null::text`.as('actor'),
    })
    .from(projects)
    .where(projectScope)
    .orderBy(desc(projects.updatedAt))
    .limit(limit);

  const activityQ = db
    .select()
    .from(unionAll(commentsQ, ticketsQ, projectsQ).as('activity'))
    .orderBy(sql`"at" desc`)
    .limit(limit);

  // Counts and activity in one round trip (each as a JSON array), the waiting list beside it:
  // the dashboard costs two statements (docs/decisions/008-performance.md).
  type CountRow = { what: string; status: string; n: number };
  type ActivityRow = { kind: string; at: string; ref: string; title: string; detail: string; actor: string | null };
  const [combined, waiting] = await Promise.all([
    db.execute<{ counts: CountRow[] | null; activity: ActivityRow[] | null }>(sql`
      select (select json_agg(c) from (${countsQ}) c) as counts,
             (select json_agg(a order by a."at" desc) from (${activityQ}) a) as activity`),
    waitingPromise,
  ]);
  const countRows = combined.rows[0]?.counts ?? [];
  const activity = combined.rows[0]?.activity ?? [];

  const projectCounts: Record<ProjectStatus, number> = {
    PENDING: 0,
    APPROVED: 0,
    IN_PROGRESS: 0,
    REVIEW: 0,
    COMPLETED: 0,
    CANCELLED: 0,
  };
  const ticketCounts: Record<TicketStatus, number> = { OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 };
  for (const r of countRows) {
    if (r.what === 'project') projectCounts[r.status as ProjectStatus] = Number(r.n);
    else ticketCounts[r.status as TicketStatus] = Number(r.n);
  }

  const recentActivity: ActivityItem[] = activity.map((r) => ({
    kind: r.kind as ActivityItem['kind'],
    at: new Date(toIso(r.at)),
    ref: r.ref,
    title: r.title,
    detail: r.kind === 'comment' ? (r.detail as CommentSender) : r.detail,
    actor: r.actor,
  }));

  const active = (ACTIVE_PROJECT_STATUSES as readonly ProjectStatus[]).reduce((n, s) => n + projectCounts[s], 0);
  return {
    projectCounts,
    ticketCounts,
    activeProjects: active,
    pendingProjects: projectCounts.PENDING,
    openTickets: ticketCounts.OPEN + ticketCounts.PENDING,
    waitingForYou: waiting.items,
    waitingForYouCount: ticketCounts.PENDING,
    recentActivity,
  };
}

/** Timestamps selected through sql`` arrive as driver text ("2026-01-02 03:04:05.123456+00") or Date. */
function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  // "YYYY-MM-DD HH:MM:SS.ffffff+00" → ISO that every engine parses.
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(:?\d{2})?$/.exec(text);
  if (m) {
    const frac = m[3] ? m[3].slice(0, 4) : '';
    const offset = `${m[4]}:${(m[5] ?? '00').replace(':', '')}`;
    return `${m[1]}T${m[2]}${frac}${offset}`;
  }
  return text;
}


