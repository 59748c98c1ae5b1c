import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { serviceReport, staffServiceReport } from '@/db/queries/activity';
import { DASHBOARD_CACHE_PREFIX, DASHBOARD_DAYS, formatDuration, getDashboardStats } from '@/db/queries/stats';
import { supportTickets, type TicketStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { invalidate, sharedCache } from '@/lib/ttl-cache';
import { createComment, createProject, createTicket, createUser } from '../helpers/factories';
import { expectRefusedWithoutChange, resetData } from './helpers';

beforeEach(resetData);

// The dashboard figures (db/queries/stats.ts): one SQL statement for all of them.

const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function ticketAt(
  clientId: string,
  status: TicketStatus,
  createdAgo: number,
  opts: { updatedAgo?: number; comments?: { by: string; at: number }[] } = {},
) {
  const now = Date.now();
  const t = await createTicket(clientId, { status, createdAt: new Date(now - createdAgo) });
  for (const c of opts.comments ?? []) {
    await createComment(t.id, c.by, { createdAt: new Date(now - createdAgo + c.at) });
  }
  await db
    .update(supportTickets)
    .set({ updatedAt: new Date(now - (opts.updatedAgo ?? createdAgo)) })
    .where(eq(supportTickets.id, t.id));
  return t;
}

describe('getDashboardStats', () => {
  it('is for staff only', async () => {
    const { viewer } = await createUser();
    await expectRefusedWithoutChange(() => getDashboardStats(viewer as Viewer), 'NotFoundError');
  });

  it('answers with zeros and empty lists on an empty database', async () => {
    const { viewer } = await createUser({ role: 'ADMIN' });
    const s = await getDashboardStats(viewer as Viewer);
    expect(s.ticketsByStatus).toEqual({ OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 });
    expect(s.projectsByStatus.PENDING).toBe(0);
    expect(s.daily).toHaveLength(DASHBOARD_DAYS);
    expect(s.daily.every((d) => d.opened === 0 && d.resolved === 0)).toBe(true);
    expect(s.firstResponse).toEqual({ medianSeconds: null, answered: 0, unanswered: 0 });
    expect(s.oldestWaiting).toEqual([]);
  });

  it('counts by status, per day, the median first response, and the oldest waiting tickets', async () => {
    const { viewer, user: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser({ name: 'Wendy Waiting' });
    const t1 = await ticketAt(client.id, 'OPEN', 2 * DAY);
    const t2 = await ticketAt(client.id, 'OPEN', 5 * DAY, { comments: [{ by: client.id, at: 4 * DAY }] });
    await ticketAt(client.id, 'PENDING', 3 * DAY, { comments: [{ by: admin.id, at: 2 * HOUR }] });
    await ticketAt(client.id, 'RESOLVED', 10 * DAY, {
      updatedAgo: 1 * DAY,
      comments: [
        { by: client.id, at: 1 * HOUR },
        { by: admin.id, at: 4 * HOUR },
        { by: admin.id, at: 5 * HOUR },
      ],
    });
    // Opened before the window: counted as resolved today, not as opened nor in the median.
    await ticketAt(client.id, 'CLOSED', 40 * DAY, { updatedAgo: 0, comments: [{ by: admin.id, at: 1 * HOUR }] });
    await createProject(client.id, { status: 'IN_PROGRESS' });
    await createProject(client.id, { status: 'IN_PROGRESS' });
    await createProject(client.id, { status: 'CANCELLED' });

    const s = await getDashboardStats(viewer as Viewer);
    expect(s.ticketsByStatus).toEqual({ OPEN: 2, PENDING: 1, RESOLVED: 1, CLOSED: 1 });
    expect(s.projectsByStatus).toEqual({
      PENDING: 0,
      APPROVED: 0,
      IN_PROGRESS: 2,
      REVIEW: 0,
      COMPLETED: 0,
      CANCELLED: 1,
    });

    expect(s.daily).toHaveLength(DASHBOARD_DAYS);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(s.daily.at(-1)?.day).toBe(today);
    expect(s.daily.map((d) => d.day)).toEqual([...s.daily.map((d) => d.day)].sort());
    expect(s.daily.reduce((n, d) => n + d.opened, 0)).toBe(4);
    expect(s.daily.reduce((n, d) => n + d.resolved, 0)).toBe(2);
    expect(s.daily.at(-1)?.resolved).toBe(1);

    // First staff replies after 2 h and 4 h: the median is 3 h. Two tickets in the window have none.
    expect(s.firstResponse.medianSeconds).toBeCloseTo(3 * 3600, 0);
    expect(s.firstResponse).toMatchObject({ answered: 2, unanswered: 2 });

    // Waiting for the agency (OPEN), by the client's last activity: t1 (2 days) before t2 (1 day).
    expect(s.oldestWaiting.map((t) => t.ticketNumber)).toEqual([t1.ticketNumber, t2.ticketNumber]);
    expect(s.oldestWaiting[0]).toMatchObject({ clientName: 'Wendy Waiting', subject: t1.subject });
    expect(s.oldestWaiting[0].waitingSince).toBeInstanceOf(Date);
    expect(Math.abs(s.oldestWaiting[1].waitingSince.getTime() - (Date.now() - DAY))).toBeLessThan(60_000);
  });
});

// The agency-wide figures of /admin come from the process's shared cache (lib/ttl-cache.ts):
// computed at most once per DASHBOARD_CACHE_SECONDS, the staff check on every call before it.
describe('the shared dashboard figures', () => {
  it('are computed once for calls within the TTL (a new ticket shows after invalidate)', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { viewer: admin2 } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: client } = await createUser();
    await createTicket(client.id);

    const loads = sharedCache.loads;
    const first = await getDashboardStats(admin as Viewer);
    expect(first.ticketsByStatus.OPEN).toBe(1);
    expect(sharedCache.loads).toBe(loads + 1);

    await createTicket(client.id);
    // Another staff member, within the TTL: the same figures, computed at the same moment.
    const second = await getDashboardStats(admin2 as Viewer);
    expect(second.ticketsByStatus.OPEN).toBe(1);
    expect(second.computedAt.getTime()).toBe(first.computedAt.getTime());
    expect(sharedCache.loads).toBe(loads + 1);

    invalidate(DASHBOARD_CACHE_PREFIX);
    const third = await getDashboardStats(admin as Viewer);
    expect(third.ticketsByStatus.OPEN).toBe(2);
    expect(third.computedAt.getTime()).toBeGreaterThanOrEqual(first.computedAt.getTime());
    expect(sharedCache.loads).toBe(loads + 2);

    // An explicit moment is computed for that moment, never from nor into the cache.
    const at = new Date();
    const exact = await getDashboardStats(admin as Viewer, at);
    expect(exact.computedAt).toEqual(at);
    expect(sharedCache.loads).toBe(loads + 2);
  });

  it('concurrent staff requests share one computation', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const loads = sharedCache.loads;
    const results = await Promise.all([
      getDashboardStats(admin as Viewer),
      getDashboardStats(admin as Viewer),
      serviceReport(admin),
      staffServiceReport(admin),
      serviceReport(admin),
    ]);
    // One load for the dashboard statement, one for both service reports.
    expect(sharedCache.loads).toBe(loads + 2);
    expect(results[0]).toEqual(results[1]);
  });

  it('the service reports: agency-wide for staff from the cache, a client always gets their own', async () => {
    const { viewer: admin, user: adminUser } = await createUser({ role: 'ADMIN' });
    const { user: client, viewer: clientViewer } = await createUser();
    const { user: other } = await createUser();
    await ticketAt(other.id, 'PENDING', 2 * DAY, { comments: [{ by: adminUser.id, at: HOUR }] });

    const agency = await serviceReport(admin);
    expect(agency).toMatchObject({ tickets: 1, answered: 1 });
    expect((await staffServiceReport(admin)).map((s) => s.userId)).toEqual([adminUser.id]);

    await createTicket(client.id);
    // Staff: the cached agency-wide figures (the new ticket is not in them yet).
    expect(await serviceReport(admin)).toEqual(agency);
    // The client: their own ticket, computed now; never the agency's figures.
    const own = await serviceReport(clientViewer);
    expect(own).toMatchObject({ tickets: 1, answered: 0 });
    expect(own.computedAt.getTime()).toBeGreaterThanOrEqual(agency.computedAt.getTime());
    // Staff asking about one client: computed for that client, not the cached agency figures.
    expect(await serviceReport(admin, { clientId: client.id })).toMatchObject({ tickets: 1, answered: 0 });

    invalidate(DASHBOARD_CACHE_PREFIX);
    expect(await serviceReport(admin)).toMatchObject({ tickets: 2, answered: 1 });
  });

  it('count a ticket created in the very millisecond the report is computed for', async () => {
    // PostgreSQL keeps microseconds, a JS Date milliseconds: a ticket opened at .123456 and a report
    // computed at .123 (its client's dashboard, loaded right after) must agree that it is in.
    const { viewer: admin, user: adminUser } = await createUser({ role: 'ADMIN' });
    const { user: client, viewer: clientViewer } = await createUser();
    const t = await createTicket(client.id);
    await createComment(t.id, adminUser.id, { createdAt: new Date('2026-11-20T12:30:00.000Z') });
    await db.execute(sql`update support_tickets set created_at = '2026-11-20T12:00:00.123456Z' where id = ${t.id}`);

    const at = new Date('2026-11-20T12:00:00.123Z');
    expect(await serviceReport(clientViewer, {}, at)).toMatchObject({ tickets: 1 });
    expect(await serviceReport(admin, {}, new Date('2026-11-20T13:00:00.000Z'))).toMatchObject({ tickets: 1, answered: 1 });
    expect((await staffServiceReport(admin, at)).map((s) => s.userId)).toEqual([adminUser.id]);
    // The window still ends at its moment: a millisecond earlier, the ticket is not in it yet.
    const before = new Date('2026-11-20T12:00:00.122Z');
    expect(await serviceReport(clientViewer, {}, before)).toMatchObject({ tickets: 0 });
    expect(await staffServiceReport(admin, before)).toEqual([]);
  });

  it('refuses a client even when the figures are cached', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { viewer: client, user: clientUser } = await createUser();
    await createTicket(clientUser.id);
    await getDashboardStats(admin as Viewer);
    await staffServiceReport(admin);

    const loads = sharedCache.loads;
    const hits = sharedCache.hits;
    await expectRefusedWithoutChange(() => getDashboardStats(client as Viewer), 'NotFoundError');
    await expectRefusedWithoutChange(() => staffServiceReport(client), 'NotFoundError');
    // Refused before the cache was consulted: no hit, no load.
    expect(sharedCache.hits).toBe(hits);
    expect(sharedCache.loads).toBe(loads);
  });

  it('does not keep a failed computation: the next call computes again', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    await createTicket(client.id);
    const loads = sharedCache.loads;

    // A real failure of the statement: the projects table is briefly missing.
    await db.execute(sql`alter table projects rename to projects_away`);
    try {
      await expect(getDashboardStats(admin as Viewer)).rejects.toThrow();
    } finally {
      await db.execute(sql`alter table projects_away rename to projects`);
    }
    const s = await getDashboardStats(admin as Viewer);
    expect(s.ticketsByStatus.OPEN).toBe(1);
    expect(sharedCache.loads).toBe(loads + 2);
  });
});

describe('formatDuration', () => {
  it('reads as a person would say it', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(20)).toBe('under a minute');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 d 4 h');
  });
});
