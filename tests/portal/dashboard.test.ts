import { beforeAll, describe, expect, it } from 'vitest';
import { clientDashboard } from '@/db/queries/dashboard';
import { createComment, createProject, createTicket, createUser, type TestViewer } from '../helpers/factories';

let client: TestViewer;
let other: TestViewer;
let admin: TestViewer;

beforeAll(async () => {
  client = (await createUser({ name: 'Dana' })).viewer;
  other = (await createUser()).viewer;
  admin = (await createUser({ role: 'ADMIN', name: 'Agent' })).viewer;

  await createProject(client.id, { title: 'Pending one', status: 'PENDING', updatedAt: new Date('2026-01-01T09:00:00Z') });
  await createProject(client.id, { title: 'Approved', status: 'APPROVED', updatedAt: new Date('2026-01-02T09:00:00Z') });
  await createProject(client.id, { title: 'Building', status: 'IN_PROGRESS', updatedAt: new Date('2026-01-03T09:00:00Z') });
  await createProject(client.id, { title: 'Reviewing', status: 'REVIEW', updatedAt: new Date('2026-01-04T09:00:00Z') });
  await createProject(client.id, { title: 'Done', status: 'COMPLETED', updatedAt: new Date('2026-01-05T09:00:00Z') });
  await createProject(other.id, { title: 'Not yours', status: 'IN_PROGRESS' });

  const open = await createTicket(client.id, { subject: 'Open one', status: 'OPEN', createdAt: new Date('2026-01-06T09:00:00Z') });
  const waiting = await createTicket(client.id, { subject: 'Needs you', status: 'PENDING', createdAt: new Date('2026-01-07T09:00:00Z') });
  await createTicket(client.id, { subject: 'Done ticket', status: 'RESOLVED', createdAt: new Date('2026-01-08T09:00:00Z') });
  const foreign = await createTicket(other.id, { subject: 'Foreign waiting', status: 'PENDING' });
  await createComment(open.id, client.id, { content: 'hello', createdAt: new Date('2026-01-09T09:00:00Z') });
  await createComment(waiting.id, admin.id, { content: 'please confirm', createdAt: new Date('2026-01-10T09:00:00Z') });
  await createComment(foreign.id, admin.id, { content: 'not for you' });
});

describe('clientDashboard', () => {
  it('counts the client’s projects and tickets only', async () => {
    const d = await clientDashboard(client);
    expect(d.activeProjects).toBe(3);
    expect(d.pendingProjects).toBe(1);
    expect(d.projectCounts).toMatchObject({ PENDING: 1, APPROVED: 1, IN_PROGRESS: 1, REVIEW: 1, COMPLETED: 1, CANCELLED: 0 });
    expect(d.openTickets).toBe(2);
    expect(d.ticketCounts).toEqual({ OPEN: 1, PENDING: 1, RESOLVED: 1, CLOSED: 0 });
  });

  it('lists the tickets waiting for the client’s reply', async () => {
    const d = await clientDashboard(client);
    expect(d.waitingForYou.map((t) => t.subject)).toEqual(['Needs you']);
    expect(d.waitingForYouCount).toBe(1);
  });

  it('shows recent activity on their tickets and projects, newest first, nothing foreign', async () => {
    const d = await clientDashboard(client, { activityLimit: 50 });
    const titles = d.recentActivity.map((a) => a.title);
    expect(titles).not.toContain('Foreign waiting');
    expect(titles).not.toContain('Not yours');
    expect(d.recentActivity[0]).toMatchObject({ kind: 'comment', title: 'Needs you', detail: 'ADMIN', actor: 'Agent' });
    expect(d.recentActivity.every((a) => a.at instanceof Date && !Number.isNaN(a.at.getTime()))).toBe(true);
    const times = d.recentActivity.map((a) => a.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(d.recentActivity.filter((a) => a.kind === 'project')).toHaveLength(5);
    expect(d.recentActivity.filter((a) => a.kind === 'ticket')).toHaveLength(3);
    expect(d.recentActivity.filter((a) => a.kind === 'comment')).toHaveLength(2);
    expect((await clientDashboard(client)).recentActivity).toHaveLength(8);
  });

  it('is empty for a new client', async () => {
    const fresh = (await createUser()).viewer;
    const d = await clientDashboard(fresh);
    expect(d).toMatchObject({ activeProjects: 0, pendingProjects: 0, openTickets: 0, waitingForYou: [], recentActivity: [] });
  });

  it('works for staff with a client id (and ignores a client id from a client)', async () => {
    expect((await clientDashboard(admin, { clientId: client.id })).activeProjects).toBe(3);
    expect((await clientDashboard(other, { clientId: client.id })).activeProjects).toBe(1);
  });
});
