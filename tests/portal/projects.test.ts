import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { db } from '@/db';
import { projects } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { resetEnvCache } from '@/lib/env';
import { getProject, listProjects, projectStatusCounts, requestProject } from '@/db/queries/projects';
import { createProject, createTicket, createUser, type TestViewer } from '../helpers/factories';
import { clearOutbox, expectRejectedWithoutWrites, expectRejects, outbox } from './helpers';

let clientA: TestViewer;
let clientB: TestViewer;
let admin: TestViewer;
let superAdmin: TestViewer;

const valid = {
  title: 'New company website',
  type: 'WEBSITE',
  description: 'A five-page site for our bakery.',
  requirements: 'Home, About, Menu, Contact, Blog.\nOnline ordering later.',
  budget: '2,500.50',
  startDate: '2026-03-01',
  endDate: '2026-04-30',
};

beforeAll(async () => {
  clientA = (await createUser({ name: 'Alice', company: 'Acme' })).viewer;
  clientB = (await createUser({ name: 'Bob' })).viewer;
  admin = (await createUser({ role: 'ADMIN' })).viewer;
  superAdmin = (await createUser({ role: 'SUPER_ADMIN' })).viewer;
  await createUser({ role: 'ADMIN', active: false });
});

beforeEach(async () => {
  delete process.env.AGENCY_NOTIFY_EMAIL;
  resetEnvCache();
  await clearOutbox();
});

describe('requestProject', () => {
  it('creates a PENDING project with parsed budget and dates, and mails the active staff', async () => {
    const { id } = await requestProject(clientA, valid);
    const [row] = await db.select().from(projects).where(eq(projects.id, id));
    expect(row).toMatchObject({
      title: 'New company website',
      type: 'WEBSITE',
      status: 'PENDING',
      clientId: clientA.id,
      requirements: 'Home, About, Menu, Contact, Blog.\nOnline ordering later.',
    });
    expect(row.budget).toBeCloseTo(2500.5, 2);
    expect(row.startDate?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(row.endDate?.toISOString()).toBe('2026-04-30T00:00:00.000Z');

    const mails = await outbox();
    expect(mails.map((m) => m.to).sort()).toEqual([admin.email, superAdmin.email].sort());
    expect(mails[0]).toMatchObject({ template: 'project-requested' });
    expect(mails[0].subject).toContain('New company website');
    expect(mails[0].text).toContain('£2,500.50');
    expect(mails[0].html).toContain(`/admin/projects/${id}`);
  });

  it('mails AGENCY_NOTIFY_EMAIL when set', async () => {
    process.env.AGENCY_NOTIFY_EMAIL = 'projects@agency.test';
    resetEnvCache();
    await requestProject(clientA, valid);
    expect((await outbox()).map((m) => m.to)).toEqual(['projects@agency.test']);
  });

  it('accepts no budget and no dates', async () => {
    const { id } = await requestProject(clientA, { ...valid, budget: '', startDate: '', endDate: '' });
    const [row] = await db.select().from(projects).where(eq(projects.id, id));
    expect(row.budget).toBeNull();
    expect(row.startDate).toBeNull();
    expect(row.endDate).toBeNull();
    const { id: id2 } = await requestProject(clientA, { title: 'Bare', type: 'OTHER', description: 'Just the basics.', requirements: 'Nothing special.' });
    expect((await db.select().from(projects).where(eq(projects.id, id2)))[0].budget).toBeNull();
  });

  it('accepts a budget of 0, a number, and the same start and end day', async () => {
    await requestProject(clientA, { ...valid, budget: '0' });
    await requestProject(clientA, { ...valid, budget: 1234.5 });
    await requestProject(clientA, { ...valid, startDate: '2026-05-05', endDate: '2026-05-05' });
  });

  it.each([
    [{ budget: '-1' }, 'budget'],
    [{ budget: '10.123' }, 'budget'],
    [{ budget: 'lots' }, 'budget'],
    [{ budget: -5 }, 'budget'],
    [{ budget: '1e5' }, 'budget'],
    [{ budget: '100000001' }, 'budget'],
    [{ startDate: '2026-02-30' }, 'startDate'],
    [{ startDate: '01/03/2026' }, 'startDate'],
    [{ startDate: '2026-05-02', endDate: '2026-05-01' }, 'endDate'],
    [{ title: 'ab' }, 'title'],
    [{ type: 'SPACESHIP' }, 'type'],
    [{ description: 'short' }, 'description'],
    [{ requirements: '' }, 'requirements'],
  ])('rejects %o and writes nothing', async (patch, field) => {
    const input = { ...valid, ...patch };
    const error = await expectRejects(() => requestProject(clientA, input), ZodError);
    expect((error as ZodError).issues.map((i) => i.path[0])).toContain(field);
    await expectRejectedWithoutWrites(() => requestProject(clientA, input), ZodError);
  });

  it('ignores a client id sent by a client (always their own)', async () => {
    const { id } = await requestProject(clientA, { ...valid, clientId: clientB.id });
    expect((await db.select().from(projects).where(eq(projects.id, id)))[0].clientId).toBe(clientA.id);
  });

  it('lets staff create a request for a client (nobody mailed); staff must name a client', async () => {
    const { id } = await requestProject(admin, { ...valid, clientId: clientB.id });
    expect((await db.select().from(projects).where(eq(projects.id, id)))[0]).toMatchObject({ clientId: clientB.id, status: 'PENDING' });
    expect(await outbox()).toEqual([]);
    await expectRejectedWithoutWrites(() => requestProject(admin, valid), UserError);
    await expectRejectedWithoutWrites(() => requestProject(admin, { ...valid, clientId: superAdmin.id }), UserError);
    await expectRejectedWithoutWrites(() => requestProject(admin, { ...valid, clientId: 'nobody' }), UserError);
  });
});

describe('listProjects', () => {
  let owner: TestViewer;
  let other: TestViewer;

  beforeAll(async () => {
    owner = (await createUser()).viewer;
    other = (await createUser()).viewer;
    const p1 = await createProject(owner.id, { title: 'Alpha', status: 'IN_PROGRESS', startDate: new Date('2026-02-01T00:00:00Z'), budget: 1000 });
    await createProject(owner.id, { title: 'beta', status: 'PENDING' });
    await createProject(owner.id, { title: 'Gamma', status: 'COMPLETED', startDate: new Date('2025-01-01T00:00:00Z') });
    await createProject(other.id, { title: 'Foreign', status: 'IN_PROGRESS' });
    await createTicket(owner.id, { projectId: p1.id, status: 'OPEN' });
    await createTicket(owner.id, { projectId: p1.id, status: 'PENDING' });
    await createTicket(owner.id, { projectId: p1.id, status: 'CLOSED' });
  });

  it('shows a client only their own projects, with open ticket counts', async () => {
    const page = await listProjects(owner);
    expect(page.items.map((p) => p.title).sort()).toEqual(['Alpha', 'Gamma', 'beta']);
    expect(page.items.find((p) => p.title === 'Alpha')!.openTicketCount).toBe(2);
    expect(page.items.find((p) => p.title === 'Alpha')!.budget).toBe(1000);
    expect((await listProjects(owner, { clientId: other.id })).items.every((p) => p.clientId === owner.id)).toBe(true);
  });

  it('filters by status (one or several), type and title', async () => {
    expect((await listProjects(owner, { status: 'IN_PROGRESS' })).items.map((p) => p.title)).toEqual(['Alpha']);
    expect((await listProjects(owner, { status: ['PENDING', 'COMPLETED'] })).items.map((p) => p.title).sort()).toEqual(['Gamma', 'beta']);
    expect((await listProjects(owner, { search: 'AMM' })).items.map((p) => p.title)).toEqual(['Gamma']);
    expect((await listProjects(owner, { type: 'BRANDING' })).items).toEqual([]);
  });

  it('sorts by title (case-insensitive) and by start date (undated last)', async () => {
    expect((await listProjects(owner, { sort: 'title' })).items.map((p) => p.title)).toEqual(['Alpha', 'beta', 'Gamma']);
    expect((await listProjects(owner, { sort: 'start' })).items.map((p) => p.title)).toEqual(['Gamma', 'Alpha', 'beta']);
  });

  it('shows staff every project, or one client’s', async () => {
    const all = await listProjects(admin, { status: 'IN_PROGRESS' });
    expect(all.items.map((p) => p.title)).toEqual(expect.arrayContaining(['Alpha', 'Foreign']));
    expect((await listProjects(admin, { clientId: other.id })).items.map((p) => p.title)).toEqual(['Foreign']);
  });

  it('paginates 25 a page with next and previous cursors', async () => {
    const many = (await createUser()).viewer;
    for (let i = 0; i < 30; i++) await createProject(many.id, { title: `P${String(i).padStart(2, '0')}` });
    for (const sort of ['updated', 'created', 'title', 'start'] as const) {
      const p1 = await listProjects(many, { sort });
      expect(p1.items).toHaveLength(25);
      const p2 = await listProjects(many, { sort, cursor: p1.nextCursor! });
      expect(p2.items).toHaveLength(5);
      expect(p2.nextCursor).toBeNull();
      expect(new Set([...p1.items, ...p2.items].map((p) => p.id)).size).toBe(30);
      const back = await listProjects(many, { sort, cursor: p2.prevCursor! });
      expect(back.items.map((p) => p.id)).toEqual(p1.items.map((p) => p.id));
    }
    const byTitle = await listProjects(many, { sort: 'title', limit: 100 });
    expect(byTitle.items.map((p) => p.title)).toEqual(Array.from({ length: 30 }, (_, i) => `P${String(i).padStart(2, '0')}`));
  });

  it('counts projects per status in scope', async () => {
    expect(await projectStatusCounts(owner)).toMatchObject({ IN_PROGRESS: 1, PENDING: 1, COMPLETED: 1, APPROVED: 0 });
    expect(await projectStatusCounts(admin, { clientId: other.id })).toMatchObject({ IN_PROGRESS: 1, PENDING: 0 });
  });
});

describe('getProject', () => {
  it('returns the client’s project with its tickets', async () => {
    const p = await createProject(clientA.id, { title: 'With tickets', requirements: 'Many things' });
    const t1 = await createTicket(clientA.id, { projectId: p.id, subject: 'About it' });
    await createTicket(clientA.id, { subject: 'Unrelated' });
    const data = await getProject(clientA, p.id);
    expect(data.project).toMatchObject({ id: p.id, title: 'With tickets', requirements: 'Many things', clientId: clientA.id });
    expect(data.tickets.map((t) => t.id)).toEqual([t1.id]);
    expect(data.moreTickets).toBe(false);
    expect((await getProject(admin, p.id)).project.id).toBe(p.id);
  });

  it('is NotFound for another client’s or a missing project', async () => {
    const p = await createProject(clientA.id);
    await expectRejects(() => getProject(clientB, p.id), NotFoundError);
    await expectRejects(() => getProject(clientA, 'no-such-project'), NotFoundError);
    await expectRejects(() => getProject(clientA, ''), NotFoundError);
  });
});
