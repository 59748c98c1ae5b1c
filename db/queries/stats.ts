import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import type { ProjectStatus, TicketStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { TIME_ZONE } from '@/lib/format';
import { cached } from '@/lib/ttl-cache';
import { assertStaff } from './staff';

// The figures of the staff dashboard (/admin), aggregated in SQL: one statement for all of them.
// Days are calendar days in the agency's zone (lib/format's TIME_ZONE, Europe/London).
//
// "Resolved per day" counts tickets whose status is now RESOLVED or CLOSED by the day of their
// last update (updated_at): the schema keeps no status history, so this is a proxy — a ticket
// resolved on Monday and closed on Wednesday counts once, on Wednesday.

export const DASHBOARD_DAYS = 30;
export const OLDEST_WAITING_LIMIT = 8;

/**
 * The agency-wide figures of /admin (these and the service reports of db/queries/activity.ts) are
 * the same for every staff viewer: each is computed at most once per this many seconds per
 * process and shared (lib/ttl-cache.ts), so a request's cost no longer grows with the history in
 * the windows. The page says "Figures as of …" (docs/decisions/008-performance.md).
 */
export const DASHBOARD_CACHE_SECONDS = 30;
/** Cache keys of the agency-wide dashboard figures: `invalidate(DASHBOARD_CACHE_PREFIX)` drops them all. */
export const DASHBOARD_CACHE_PREFIX = 'dashboard:';

export type DailyTickets = { day: string; opened: number; resolved: number };

export type WaitingTicket = {
  id: string;
  ticketNumber: string;
  subject: string;
  clientId: string;
  clientName: string | null;
  clientEmail: string;
  clientCompany: string | null;
  createdAt: Date;
  /** The client's last activity: their last reply, else the ticket's creation. */
  waitingSince: Date;
};

export type DashboardStats = {
  ticketsByStatus: Record<TicketStatus, number>;
  projectsByStatus: Record<ProjectStatus, number>;
  /** One entry per day, oldest first, DASHBOARD_DAYS entries ending today. */
  daily: DailyTickets[];
  firstResponse: {
    /** Median seconds from a ticket's creation to its first staff (ADMIN) comment; null: no data. */
    medianSeconds: number | null;
    /** Tickets opened in the window that have a staff reply / none yet. */
    answered: number;
    unanswered: number;
  };
  oldestWaiting: WaitingTicket[];
  /** When these figures were computed (they may be up to DASHBOARD_CACHE_SECONDS old). */
  computedAt: Date;
};

type Raw = {
  tickets_by_status: { status: TicketStatus; n: number }[] | null;
  projects_by_status: { status: ProjectStatus; n: number }[] | null;
  daily: { day: string; opened: number; resolved: number }[] | null;
  median_seconds: number | string | null;
  answered: number | string;
  unanswered: number | string;
  oldest:
    | {
        id: string;
        ticket_number: string;
        subject: string;
        client_id: string;
        client_name: string | null;
        client_email: string;
        client_company: string | null;
        created_at: string;
        waiting_since: string;
      }[]
    | null;
};

/**
 * Every dashboard figure in one round trip. Staff only: the check runs on every call, before the
 * cache is consulted. Without `now`, the figures come from the shared cache (at most
 * DASHBOARD_CACHE_SECONDS old); with it, they are computed for that moment and not cached.
 */
export async function getDashboardStats(viewer: Viewer, now?: Date): Promise<DashboardStats> {
  assertStaff(viewer);
  if (now) return { ...(await computeDashboardStats(now)), computedAt: now };
  const { value, computedAt } = await cached(`${DASHBOARD_CACHE_PREFIX}stats`, DASHBOARD_CACHE_SECONDS * 1000, () =>
    computeDashboardStats(new Date()),
  );
  return { ...value, computedAt };
}

async function computeDashboardStats(now: Date): Promise<Omit<DashboardStats, 'computedAt'>> {
  const tz = TIME_ZONE;
  const days = DASHBOARD_DAYS;
  // The window's start is a constant expression of the parameters (not a CTE joined in), so the
  // planner estimates it from the statistics and reads only the window's tickets through
  // idx_support_tickets_created_at / idx_support_tickets_updated_at (docs/decisions/008-performance.md).
  const firstDay = sql`((${now.toISOString()}::timestamptz at time zone ${tz})::date - (${days}::int - 1))`;
  const since = sql`(${firstDay}::timestamp at time zone ${tz})`;
  const statement = sql`
    with
    bounds as (
      select (${now.toISOString()}::timestamptz at time zone ${tz})::date as today,
             ${firstDay} as first_day
    ),
    days as (
      select generate_series(b.first_day, b.today, interval '1 day')::date as day from bounds b
    ),
    opened as (
      select (t.created_at at time zone ${tz})::date as day, count(*)::int as n
      from support_tickets t
      where t.created_at >= ${since}
      group by 1
    ),
    resolved as (
      select (t.updated_at at time zone ${tz})::date as day, count(*)::int as n
      from support_tickets t
      where t.status in ('RESOLVED', 'CLOSED') and t.updated_at >= ${since}
      group by 1
    ),
    first_reply as (
      select t.id,
             (select min(c.created_at) from ticket_comments c
               where c.ticket_id = t.id and c.sender = 'ADMIN' and not c.internal) as first_admin_at,
             t.created_at
      from support_tickets t
      where t.created_at >= ${since}
    )
    select
      (select json_agg(json_build_object('status', status, 'n', n))
         from (select status, count(*)::int as n from support_tickets group by status) s) as tickets_by_status,
      (select json_agg(json_build_object('status', status, 'n', n))
         from (select status, count(*)::int as n from projects group by status) s) as projects_by_status,
      (select json_agg(json_build_object(
                'day', to_char(d.day, 'YYYY-MM-DD'),
                'opened', coalesce(o.n, 0),
                'resolved', coalesce(r.n, 0)) order by d.day)
         from days d
         left join opened o on o.day = d.day
         left join resolved r on r.day = d.day) as daily,
      (select percentile_cont(0.5) within group (
                order by extract(epoch from (first_admin_at - created_at)))
         from first_reply where first_admin_at is not null) as median_seconds,
      (select count(*) from first_reply where first_admin_at is not null)::int as answered,
      (select count(*) from first_reply where first_admin_at is null)::int as unanswered,
      (select json_agg(json_build_object(
                'id', w.id, 'ticket_number', w.ticket_number, 'subject', w.subject,
                'client_id', w.client_id, 'client_name', w.name, 'client_email', w.email,
                'client_company', w.company, 'created_at', w.created_at,
                'waiting_since', w.waiting_since) order by w.waiting_since, w.id)
         from (
           select t.id, t.ticket_number, t.subject, t.client_id, u.name, u.email, u.company,
                  t.created_at, coalesce(t.last_replied_at, t.created_at) as waiting_since
           from support_tickets t
           join users u on u.id = t.client_id
           where t.status = 'OPEN'
           order by coalesce(t.last_replied_at, t.created_at), t.id
           limit ${OLDEST_WAITING_LIMIT}
         ) w) as oldest
  `;
  const result = await db.execute<Raw>(statement);
  const raw = result.rows[0]!;

  const ticketsByStatus: Record<TicketStatus, number> = { OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 };
  for (const r of raw.tickets_by_status ?? []) ticketsByStatus[r.status] = Number(r.n);
  const projectsByStatus: Record<ProjectStatus, number> = {
    PENDING: 0,
    APPROVED: 0,
    IN_PROGRESS: 0,
    REVIEW: 0,
    COMPLETED: 0,
    CANCELLED: 0,
  };
  for (const r of raw.projects_by_status ?? []) projectsByStatus[r.status] = Number(r.n);

  return {
    ticketsByStatus,
    projectsByStatus,
    daily: (raw.daily ?? []).map((d) => ({ day: d.day, opened: Number(d.opened), resolved: Number(d.resolved) })),
    firstResponse: {
      medianSeconds: raw.median_seconds === null ? null : Number(raw.median_seconds),
      answered: Number(raw.answered),
      unanswered: Number(raw.unanswered),
    },
    oldestWaiting: (raw.oldest ?? []).map((t) => ({
      id: t.id,
      ticketNumber: t.ticket_number,
      subject: t.subject,
      clientId: t.client_id,
      clientName: t.client_name,
      clientEmail: t.client_email,
      clientCompany: t.client_company,
      createdAt: new Date(t.created_at),
      waitingSince: new Date(t.waiting_since),
    })),
  };
}

/** "3 h 20 min", "2 d 4 h", "45 min", "under a minute". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return 'under a minute';
  const minutes = Math.floor(s / 60) % 60;
  const hours = Math.floor(s / 3600) % 24;
  const daysN = Math.floor(s / 86400);
  if (daysN > 0) return hours ? `${daysN} d ${hours} h` : `${daysN} d`;
  if (hours > 0) return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
