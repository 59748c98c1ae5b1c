import 'server-only';
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { activityLog, projects, supportTickets, users } from '@/db/schema';
import type { Role, TicketStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { isStaff } from '@/lib/auth/roles';
import { NotFoundError } from '@/lib/action-result';
import { ACTIVITY_PAGE_SIZE, activityFiltersSchema } from '@/lib/validation/collab';
import { waitingTimes, type StatusEvent, type WaitingTimes } from '@/lib/waiting';
import { cached } from '@/lib/ttl-cache';
import { assertSuperAdmin } from './staff';
import { clientIdsMatching } from './search';
import { decodeCursor, keysetClauses, keyText, toPage, type KeysetSort, type Page } from './keyset';
import { DASHBOARD_CACHE_PREFIX, DASHBOARD_CACHE_SECONDS } from './stats';

// The activity log (issue 8): an append-only audit trail written in the SAME transaction as the
// change it records (pass the transaction handle), so a change that rolls back leaves no entry
// and an entry never exists without its change. The action layer passes IP and user agent (from
// `headers()`) as optional context; the query layer never reads request state itself.

type ViewerLike = Pick<Viewer, 'id' | 'role'>;

export { ACTIONS, logActivity, type ActivityContext, type ActivityEntry } from './activity-log';
import { ACTIONS } from './activity-log';

/** Entries a client may see on their own ticket and project timelines. */
export const CLIENT_SAFE_ACTIONS: readonly string[] = [
  ACTIONS.ticketCreated,
  ACTIONS.ticketStatusChanged,
  ACTIONS.ticketPriorityChanged,
  ACTIONS.projectRequested,
  ACTIONS.projectStatusChanged,
];

export type ActivityRow = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
};

const rowColumns = {
  id: activityLog.id,
  actorId: activityLog.actorId,
  actorName: users.name,
  actorEmail: users.email,
  actorRole: users.role,
  action: activityLog.action,
  entityType: activityLog.entityType,
  entityId: activityLog.entityId,
  details: activityLog.details,
  ip: activityLog.ip,
  userAgent: activityLog.userAgent,
  createdAt: activityLog.createdAt,
};

/** The log's one order, newest first (the cursor names it, so a cursor of another list is refused). */
const ACTIVITY_SORT_NAME = 'created';
const ACTIVITY_SORT: KeysetSort = { key: sql`${activityLog.createdAt}`, dir: 'desc', kind: 'timestamp', id: activityLog.id };

/**
 * Above this many accounts matching the "Actor" search, the list filters by a subquery instead of
 * a list of ids (see activityListQuery).
 */
const ACTOR_IDS_MAX = 1000;

/**
 * The /admin/activity list's statement for these filters (for listActivity, and for the plan
 * tests), or null when the actor search matches no account. SUPER_ADMIN only, checked before the
 * actor lookup runs.
 */
export async function activityListQuery(viewer: ViewerLike, input: unknown) {
  assertSuperAdmin(viewer);
  const f = activityFiltersSchema.parse(input ?? {});
  // The actor search becomes the matching accounts' ids first, sent as parameters: the planner
  // then knows how common those actors are, and walks idx_activity_log_created_at backwards with a
  // check per entry (staff, a third of the log) or reads each actor's own index range (a rare
  // one). As a subquery, it sorted every entry of the matches (700 ms for the staff's 300,000
  // entries at 1 M). Past ACTOR_IDS_MAX matches the subquery stays.
  let actorFilter: SQL | undefined;
  if (f.actor) {
    const matching = clientIdsMatching(f.actor);
    const found = await db.execute<{ id: string }>(sql`select id from ${matching} m limit ${ACTOR_IDS_MAX + 1}`);
    const ids = found.rows.map((r) => r.id);
    if (ids.length === 0) return { query: null, cursor: null, backwards: false };
    actorFilter = ids.length > ACTOR_IDS_MAX ? sql`${activityLog.actorId} in ${matching}` : inArray(activityLog.actorId, ids);
  }
  // Keyset pages, newest first: each page walks idx_activity_log_created_at from its edge, so the
  // hundredth costs what the first does (an OFFSET read and dropped every entry before it: 1.9 s
  // for the last page of a million).
  const cursor = decodeCursor(f.cursor, ACTIVITY_SORT_NAME);
  const { where: after, orderBy, backwards } = keysetClauses(ACTIVITY_SORT, cursor);
  const query = db
    .select({ ...rowColumns, sortKey: keyText(ACTIVITY_SORT) })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .where(
      and(
        f.actorId ? eq(activityLog.actorId, f.actorId) : undefined,
        actorFilter,
        f.action ? eq(activityLog.action, f.action) : undefined,
        f.entityType ? eq(activityLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(activityLog.entityId, f.entityId) : undefined,
        f.from ? gte(activityLog.createdAt, f.from) : undefined,
        f.to ? lte(activityLog.createdAt, f.to) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(ACTIVITY_PAGE_SIZE + 1);
  return { query, cursor, backwards };
}

/** /admin/activity (SUPER_ADMIN): filter by actor, action, entity and time range; 50 a page. */
export async function listActivity(viewer: ViewerLike, input: unknown = {}): Promise<Page<ActivityRow>> {
  const { query, cursor, backwards } = await activityListQuery(viewer, input);
  if (!query) return { items: [], nextCursor: null, prevCursor: null };
  return toPage(await query, ACTIVITY_PAGE_SIZE, ACTIVITY_SORT_NAME, cursor, backwards);
}

/**
 * The actions present in the log, A to Z: a loose index scan of idx_activity_log_action, one
 * index probe per distinct action ("the first action after the last one found"), instead of
 * reading every entry (0.3 ms against 330 ms at 1 M entries). Exported for the plan test.
 */
export const ACTIONS_PRESENT = sql`
  with recursive found(action) as (
    (select action from activity_log order by action limit 1)
    union all
    select (select l.action from activity_log l where l.action > found.action order by l.action limit 1)
    from found where found.action is not null
  )
  select action from found where action is not null limit 200`;

/** The Action filter's choices of /admin/activity (SUPER_ADMIN). */
export async function activityActions(viewer: ViewerLike): Promise<string[]> {
  assertSuperAdmin(viewer);
  const result = await db.execute<{ action: string }>(ACTIONS_PRESENT);
  return result.rows.map((r) => r.action);
}

/** Throws NotFoundError unless the viewer may see this ticket/project. */
async function assertEntityVisible(viewer: ViewerLike, entityType: 'ticket' | 'project', entityId: string) {
  const id = String(entityId ?? '');
  if (entityType === 'ticket') {
    const [row] = await db.select({ clientId: supportTickets.clientId }).from(supportTickets).where(eq(supportTickets.id, id)).limit(1);
    if (!row || (!isStaff(viewer.role) && row.clientId !== viewer.id)) throw new NotFoundError();
  } else {
    const [row] = await db.select({ clientId: projects.clientId }).from(projects).where(eq(projects.id, id)).limit(1);
    if (!row || (!isStaff(viewer.role) && row.clientId !== viewer.id)) throw new NotFoundError();
  }
}

export type TimelineEntry = {
  id: string;
  action: string;
  details: Record<string, unknown> | null;
  createdAt: Date;
  /** Staff: the actor's name or email; a client sees "You" / "Agency" instead. */
  actorLabel: string | null;
};

/**
 * A ticket's or project's own timeline, oldest first. A CLIENT sees only their own entities and
 * only client-safe entries (status and priority changes, creation): never assignment details,
 * internal notes or staff names.
 */
export async function entityTimeline(
  viewer: ViewerLike,
  entityType: 'ticket' | 'project',
  entityId: string,
): Promise<TimelineEntry[]> {
  await assertEntityVisible(viewer, entityType, entityId);
  const staff = isStaff(viewer.role);
  const rows = await db
    .select(rowColumns)
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .where(
      and(
        eq(activityLog.entityType, entityType),
        eq(activityLog.entityId, String(entityId)),
        staff ? undefined : inArray(activityLog.action, [...CLIENT_SAFE_ACTIONS]),
      ),
    )
    .orderBy(asc(activityLog.createdAt), asc(activityLog.id))
    .limit(500);
  return rows.map((r) => toTimelineEntry(viewer, r));
}

type TimelineSource = Pick<ActivityRow, 'id' | 'actorId' | 'actorName' | 'actorEmail' | 'actorRole' | 'action' | 'details' | 'createdAt'>;

/** What a viewer may read of one log entry: a client sees only from/to and no staff names. */
function toTimelineEntry(viewer: ViewerLike, r: TimelineSource): TimelineEntry {
  const staff = isStaff(viewer.role);
  let details = r.details ?? null;
  if (!staff && details) {
    // Only the fields a client may read.
    const { from, to } = details as { from?: unknown; to?: unknown };
    details = { from, to };
  }
  const actorLabel = staff
    ? r.actorName || r.actorEmail
    : r.actorId === viewer.id
      ? 'You'
      : r.actorRole && r.actorRole !== 'CLIENT'
        ? 'Agency'
        : r.actorId
          ? 'Client'
          : null;
  return { id: r.id, action: r.action, details, createdAt: r.createdAt, actorLabel };
}

/**
 * The ticket's status history for "whose move": its creation (OPEN at created_at), then every
 * logged status change. When the log misses the latest change (tickets older than the log), the
 * current status is added at updated_at so the figures never contradict the ticket.
 */
export async function ticketStatusEvents(
  tx: DbOrTx,
  ticket: { id: string; createdAt: Date; updatedAt: Date; status: TicketStatus },
): Promise<StatusEvent[]> {
  const rows = await tx
    .select({ at: activityLog.createdAt, details: activityLog.details })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.entityType, 'ticket'),
        eq(activityLog.entityId, ticket.id),
        eq(activityLog.action, ACTIONS.ticketStatusChanged),
      ),
    )
    .orderBy(asc(activityLog.createdAt), asc(activityLog.id));
  return statusEventsOf(ticket, rows);
}

/** Status events from the ticket's own fields and its logged status changes (oldest first). */
function statusEventsOf(
  ticket: { createdAt: Date; updatedAt: Date; status: TicketStatus },
  changes: { at: Date; details: unknown }[],
): StatusEvent[] {
  const events: StatusEvent[] = [{ at: ticket.createdAt, status: 'OPEN' }];
  for (const r of changes) {
    const to = (r.details as { to?: TicketStatus } | null)?.to;
    if (to) events.push({ at: r.at, status: to });
  }
  if (events[events.length - 1]!.status !== ticket.status) {
    events.push({ at: ticket.updatedAt, status: ticket.status });
  }
  return events;
}

/**
 * The ticket page's timeline AND "whose move" in ONE statement (the page used four: a visibility
 * check and the entries for the timeline, the ticket and its status changes for the waiting
 * times). The ticket row is the driving table, scoped to the viewer, so a foreign or missing
 * ticket returns no row at all (NotFoundError); its log entries are left-joined. Status changes
 * are client-safe entries, so the client's filtered rows still carry every one of them.
 * Same results as entityTimeline() + ticketWaiting().
 */
export async function ticketActivity(
  viewer: ViewerLike,
  ticketId: string,
  now: Date = new Date(),
): Promise<{ timeline: TimelineEntry[]; waiting: WaitingTimes }> {
  const staff = isStaff(viewer.role);
  const rows = await db
    .select({
      clientId: supportTickets.clientId,
      ticketCreatedAt: supportTickets.createdAt,
      ticketUpdatedAt: supportTickets.updatedAt,
      status: supportTickets.status,
      id: activityLog.id,
      actorId: activityLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      actorRole: users.role,
      action: activityLog.action,
      details: activityLog.details,
      createdAt: activityLog.createdAt,
    })
    .from(supportTickets)
    .leftJoin(
      activityLog,
      and(
        eq(activityLog.entityType, 'ticket'),
        eq(activityLog.entityId, supportTickets.id),
        staff ? undefined : inArray(activityLog.action, [...CLIENT_SAFE_ACTIONS]),
      ),
    )
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .where(and(eq(supportTickets.id, String(ticketId ?? '')), staff ? undefined : eq(supportTickets.clientId, viewer.id)))
    .orderBy(asc(activityLog.createdAt), asc(activityLog.id))
    // The timeline shows at most 500 entries (as entityTimeline); a ticket's log grows by human
    // actions only, so the cap leaves room for every status change behind them.
    .limit(TICKET_ACTIVITY_ROWS);
  const first = rows[0];
  if (!first) throw new NotFoundError();
  const entries = rows.flatMap((r) =>
    r.id !== null && r.action !== null && r.createdAt !== null ? [{ ...r, id: r.id, action: r.action, createdAt: r.createdAt }] : [],
  );
  const ticket = { createdAt: first.ticketCreatedAt, updatedAt: first.ticketUpdatedAt, status: first.status };
  const changes = entries.filter((e) => e.action === ACTIONS.ticketStatusChanged).map((e) => ({ at: e.createdAt, details: e.details }));
  return {
    timeline: entries.slice(0, 500).map((e) => toTimelineEntry(viewer, e)),
    waiting: waitingTimes(statusEventsOf(ticket, changes), now),
  };
}

const TICKET_ACTIVITY_ROWS = 5000;

/** Whose move on one ticket (viewer-scoped: a client only for their own). */
export async function ticketWaiting(viewer: ViewerLike, ticketId: string, now: Date = new Date()): Promise<WaitingTimes> {
  const [ticket] = await db
    .select({
      id: supportTickets.id,
      clientId: supportTickets.clientId,
      createdAt: supportTickets.createdAt,
      updatedAt: supportTickets.updatedAt,
      status: supportTickets.status,
    })
    .from(supportTickets)
    .where(eq(supportTickets.id, String(ticketId ?? '')))
    .limit(1);
  if (!ticket || (!isStaff(viewer.role) && ticket.clientId !== viewer.id)) throw new NotFoundError();
  return waitingTimes(await ticketStatusEvents(db, ticket), now);
}

// ---------------------------------------------------------------------------------------------
// Service report: median first response and resolution time over 90 days
// ---------------------------------------------------------------------------------------------

import { SERVICE_REPORT_DAYS } from '@/lib/service-report';
export { SERVICE_REPORT_DAYS };

export type ServiceFigures = {
  tickets: number;
  /** Median ms from creation to the first agency reply (internal notes never count). */
  medianFirstResponseMs: number | null;
  answered: number;
  /** Median ms from creation to the first RESOLVED/CLOSED status change in the log. */
  medianResolutionMs: number | null;
  resolved: number;
  /** When the figures were computed: the agency-wide ones may be up to DASHBOARD_CACHE_SECONDS old. */
  computedAt: Date;
};

export type StaffFigures = { userId: string; name: string | null; email: string; firstResponses: number; medianFirstResponseMs: number | null };

type RawFigures = {
  tickets: number | string;
  answered: number | string;
  median_first: number | string | null;
  resolved: number | string;
  median_resolution: number | string | null;
};

const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/**
 * The report's tickets: created in the SERVICE_REPORT_DAYS up to `now`. A JS Date holds whole
 * milliseconds and PostgreSQL microseconds, so `now` stands for its whole millisecond: a ticket
 * created at 12:00:00.123456 is in a report computed at 12:00:00.123 (with `<= now` it was not,
 * and a ticket opened just before its client's dashboard loaded was missing from it).
 */
function windowTickets(now: Date, clientId?: string) {
  const at = now.toISOString();
  const scope = clientId ? sql`and t.client_id = ${clientId}` : sql``;
  return sql`
      select t.id, t.created_at from support_tickets t
      where t.created_at >= ${at}::timestamptz - (${SERVICE_REPORT_DAYS}::int * interval '1 day')
        and t.created_at < ${at}::timestamptz + interval '1 millisecond' ${scope}`;
}

function figuresSql(clientId: string | undefined, now: Date) {
  return sql`
    with t as (${windowTickets(now, clientId)}),
    -- MATERIALIZED: inlined, each of the two subqueries below ran once per aggregate that reads
    -- its column (twice per ticket); computed once, the agency-wide figures took 430-460 ms
    -- instead of 590-630 ms at the bench's large scale.
    firsts as materialized (
      select t.id,
        (select min(c.created_at) from ticket_comments c
          where c.ticket_id = t.id and c.sender = 'ADMIN' and c.internal = false) - t.created_at as first_response,
        (select min(a.created_at) from activity_log a
          where a.entity_type = 'ticket' and a.entity_id = t.id and a.action = ${ACTIONS.ticketStatusChanged}
            and a.details->>'to' in ('RESOLVED', 'CLOSED')) - t.created_at as resolution
      from t
    )
    select
      count(*)::int as tickets,
      count(first_response)::int as answered,
      (percentile_cont(0.5) within group (order by extract(epoch from first_response))) * 1000 as median_first,
      count(resolution)::int as resolved,
      (percentile_cont(0.5) within group (order by extract(epoch from resolution))) * 1000 as median_resolution
    from firsts`;
}

/**
 * The service report: a CLIENT gets their own tickets (computed on every call, never the shared
 * figures); staff get everyone's (or one client's). Staff's agency-wide figures without `now` come
 * from the shared cache with the per-staff report (agencyServiceReports).
 */
export async function serviceReport(
  viewer: ViewerLike,
  params: { clientId?: string } = {},
  now?: Date,
): Promise<ServiceFigures> {
  const staff = isStaff(viewer.role);
  if (staff && !params.clientId && !now) {
    const { value, computedAt } = await agencyServiceReports();
    return { ...value.figures, computedAt };
  }
  const at = now ?? new Date();
  return { ...(await computeServiceFigures(staff ? params.clientId : viewer.id, at)), computedAt: at };
}

/**
 * Per staff member: the first responses they gave (tickets of the last 90 days) and their median.
 * Staff only (checked on every call, before the cache); without `now`, from the shared cache.
 */
export async function staffServiceReport(viewer: ViewerLike, now?: Date): Promise<StaffFigures[]> {
  if (!isStaff(viewer.role)) throw new NotFoundError();
  if (now) return computeStaffFigures(now);
  return [...(await agencyServiceReports()).value.staff];
}

/**
 * The agency-wide service report and the per-staff one, computed together (the dashboard shows
 * both) at most once per DASHBOARD_CACHE_SECONDS per process. Callers check authorization first.
 */
function agencyServiceReports() {
  return cached(`${DASHBOARD_CACHE_PREFIX}service-report`, DASHBOARD_CACHE_SECONDS * 1000, async () => {
    const now = new Date();
    const [figures, staff] = await Promise.all([computeServiceFigures(undefined, now), computeStaffFigures(now)]);
    return { figures, staff };
  });
}

async function computeServiceFigures(clientId: string | undefined, now: Date): Promise<Omit<ServiceFigures, 'computedAt'>> {
  const result = await db.execute<RawFigures>(figuresSql(clientId, now));
  const r = result.rows[0]!;
  return {
    tickets: Number(r.tickets),
    answered: Number(r.answered),
    medianFirstResponseMs: num(r.median_first),
    resolved: Number(r.resolved),
    medianResolutionMs: num(r.median_resolution),
  };
}

async function computeStaffFigures(now: Date): Promise<StaffFigures[]> {
  const result = await db.execute<{ user_id: string; name: string | null; email: string; n: number | string; median: number | string | null }>(sql`
    with t as (${windowTickets(now)}),
    firsts as (
      -- Each window ticket's first agency reply, looked up per ticket through its comments'
      -- index (a lateral LIMIT 1): the join + DISTINCT ON it replaces hashed every comment of
      -- the table, a sequential scan of 2 M rows at the bench's large scale.
      select t.id, f.user_id, f.created_at - t.created_at as first_response
      from t cross join lateral (
        select c.user_id, c.created_at from ticket_comments c
        where c.ticket_id = t.id and c.sender = 'ADMIN' and c.internal = false
        order by c.created_at, c.id
        limit 1
      ) f
    )
    select u.id as user_id, u.name, u.email, count(*)::int as n,
      (percentile_cont(0.5) within group (order by extract(epoch from f.first_response))) * 1000 as median
    from firsts f join users u on u.id = f.user_id
    group by u.id, u.name, u.email
    order by n desc, u.email`);
  return result.rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    firstResponses: Number(r.n),
    medianFirstResponseMs: num(r.median),
  }));
}
