import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { DASHBOARD_DAYS, formatDuration, getDashboardStats } from '@/db/queries/stats';
import { supportTickets, type TicketStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
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
