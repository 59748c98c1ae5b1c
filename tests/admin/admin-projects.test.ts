import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  createProjectForClient,
  moveProjectStatus,
  STAFF_CREATED_PROJECT_STATUS,
  updateProject,
} from '@/db/queries/admin-projects';
import { listProjects, projectListQuery, projectStatusCounts } from '@/db/queries/projects';
import { projects, type ProjectStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { PROJECT_TRANSITIONS } from '@/lib/workflows';
import { planWithoutSeqScans } from '../helpers/db';
import { createProject, createUser } from '../helpers/factories';
import { expectRefusedWithoutChange, outboxTo, resetData } from './helpers';

beforeEach(resetData);

// Staff-only project operations (db/queries/admin-projects.ts) and the shared list as staff use it.

const ALL: ProjectStatus[] = ['PENDING', 'APPROVED', 'IN_PROGRESS', 'REVIEW', 'COMPLETED', 'CANCELLED'];

const form = {
  title: 'Brand refresh',
  type: 'BRANDING',
  description: 'New logo and palette.',
  requirements: 'Three logo options.',
  budget: '£2,500.50',
  startDate: '2026-03-01',
  endDate: '2026-04-30',
};

async function statusOf(id: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

describe('role guards', () => {
  it('a CLIENT viewer can neither create, edit nor move a project — not even their own', async () => {
    const { user: client, viewer } = await createUser();
    const own = await createProject(client.id, { status: 'PENDING' });
    const v = viewer as Viewer;
    await expectRefusedWithoutChange(() => createProjectForClient(v, { ...form, clientId: client.id }), 'NotFoundError');
    await expectRefusedWithoutChange(() => updateProject(v, { ...form, projectId: own.id }), 'NotFoundError');
    await expectRefusedWithoutChange(() => moveProjectStatus(v, { projectId: own.id, to: 'APPROVED' }), 'NotFoundError');
  });
});

describe('createProjectForClient', () => {
  it('creates the project APPROVED for the client and mails them in the same transaction', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    const { id } = await createProjectForClient(admin as Viewer, { ...form, clientId: client.id });
    const row = await statusOf(id);
    expect(STAFF_CREATED_PROJECT_STATUS).toBe('APPROVED');
    expect(row).toMatchObject({
      clientId: client.id,
      status: 'APPROVED',
      title: 'Brand refresh',
      type: 'BRANDING',
      budget: 2500.5,
      startDate: new Date('2026-03-01T00:00:00Z'),
      endDate: new Date('2026-04-30T00:00:00Z'),
    });
    const mails = await outboxTo(client.email);
    expect(mails.map((m) => m.template)).toEqual(['project-created-for-client']);
    expect(mails[0].text).toContain(`/projects/${id}`);
  });

  it('refuses a missing or non-client owner, an end before the start, and a bad budget', async () => {
    const { viewer: admin, user: adminUser } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    await expectRefusedWithoutChange(
      () => createProjectForClient(admin as Viewer, { ...form, clientId: adminUser.id }),
      'NotFoundError',
    );
    await expectRefusedWithoutChange(() => createProjectForClient(admin as Viewer, { ...form, clientId: 'nope' }), 'NotFoundError');
    await expectRefusedWithoutChange(
      () => createProjectForClient(admin as Viewer, { ...form, clientId: client.id, endDate: '2026-02-01' }),
      'ZodError',
    );
    await expectRefusedWithoutChange(
      () => createProjectForClient(admin as Viewer, { ...form, clientId: client.id, budget: '-5' }),
      'ZodError',
    );
    await expectRefusedWithoutChange(
      () => createProjectForClient(admin as Viewer, { ...form, clientId: client.id, budget: '1.234' }),
      'ZodError',
    );
  });

  it('does not mail a deactivated client', async () => {
    const { viewer: admin } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: client } = await createUser({ active: false });
    await createProjectForClient(admin as Viewer, { ...form, clientId: client.id });
    expect(await outboxTo(client.email)).toEqual([]);
  });
});

describe('updateProject', () => {
  it('edits every detail but the status; empty optional fields become null', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    const p = await createProject(client.id, { status: 'IN_PROGRESS', budget: 100 });
    await updateProject(admin as Viewer, {
      projectId: p.id,
      title: 'Renamed',
      type: 'WEB_APP',
      description: '',
      requirements: 'Must work offline.',
      budget: '',
      startDate: '',
      endDate: '2027-01-31',
    });
    expect(await statusOf(p.id)).toMatchObject({
      title: 'Renamed',
      type: 'WEB_APP',
      description: null,
      requirements: 'Must work offline.',
      budget: null,
      startDate: null,
      endDate: new Date('2027-01-31T00:00:00Z'),
      status: 'IN_PROGRESS',
    });
    await expectRefusedWithoutChange(() => updateProject(admin as Viewer, { ...form, projectId: 'missing' }), 'NotFoundError');
    await expectRefusedWithoutChange(() => updateProject(admin as Viewer, { ...form, projectId: p.id, title: 'x' }), 'ZodError');
    expect(await outboxTo(client.email)).toEqual([]);
  });
});

describe('moveProjectStatus', () => {
  it('allows exactly the moves of the workflow table, from every status to every status', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    for (const from of ALL) {
      for (const to of ALL) {
        const p = await createProject(client.id, { status: from });
        if (PROJECT_TRANSITIONS[from].includes(to)) {
          const r = await moveProjectStatus(admin as Viewer, { projectId: p.id, to });
          expect(r).toEqual({ id: p.id, from, to });
          expect((await statusOf(p.id)).status).toBe(to);
        } else {
          await expectRefusedWithoutChange(() => moveProjectStatus(admin as Viewer, { projectId: p.id, to }), 'UserError');
        }
      }
    }
  });

  it('mails the client on every status change, in the outbox with the change', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser({ name: 'Pat' });
    const p = await createProject(client.id, { status: 'PENDING', title: 'Shop' });
    await moveProjectStatus(admin as Viewer, { projectId: p.id, to: 'APPROVED' });
    await moveProjectStatus(admin as Viewer, { projectId: p.id, to: 'IN_PROGRESS', from: 'APPROVED' });
    const mails = await outboxTo(client.email);
    expect(mails.map((m) => m.template)).toEqual(['project-status-changed', 'project-status-changed']);
    expect(mails[0].subject).toBe('Your project “Shop” is now approved');
    expect(mails[1].text).toContain('moved from Approved to In progress');
  });

  it('refuses when the project moved since the page was shown', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    const p = await createProject(client.id, { status: 'APPROVED' });
    const e = await expectRefusedWithoutChange(
      () => moveProjectStatus(admin as Viewer, { projectId: p.id, to: 'IN_PROGRESS', from: 'PENDING' }),
      'UserError',
    );
    expect(e.message).toMatch(/meanwhile/);
  });

  it('two staff moving the same project at once: the second sees the first’s status', async () => {
    const { viewer: a } = await createUser({ role: 'ADMIN' });
    const { viewer: b } = await createUser({ role: 'SUPER_ADMIN' });
    const { user: client } = await createUser();
    const p = await createProject(client.id, { status: 'PENDING' });
    const results = await Promise.allSettled([
      moveProjectStatus(a as Viewer, { projectId: p.id, to: 'APPROVED', from: 'PENDING' }),
      moveProjectStatus(b as Viewer, { projectId: p.id, to: 'CANCELLED', from: 'PENDING' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await outboxTo(client.email)).toHaveLength(1);
  });
});

describe('the shared list, as staff use it on /admin/projects', () => {
  it('a staff viewer sees every client’s projects and filters by status, type, client and title', async () => {
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: c1 } = await createUser();
    const { user: c2 } = await createUser();
    await createProject(c1.id, { title: 'Alpha site', type: 'WEBSITE', status: 'PENDING' });
    await createProject(c1.id, { title: 'Beta app', type: 'WEB_APP', status: 'IN_PROGRESS' });
    await createProject(c2.id, { title: 'Gamma shop', type: 'E_COMMERCE', status: 'PENDING' });
    const all = await listProjects(admin as Viewer, {});
    expect(all.items).toHaveLength(3);
    expect((await listProjects(admin as Viewer, { status: ['PENDING'] })).items).toHaveLength(2);
    expect((await listProjects(admin as Viewer, { type: ['WEB_APP'] })).items.map((p) => p.title)).toEqual(['Beta app']);
    expect((await listProjects(admin as Viewer, { clientId: c2.id })).items.map((p) => p.title)).toEqual(['Gamma shop']);
    expect((await listProjects(admin as Viewer, { search: 'SHOP' })).items.map((p) => p.title)).toEqual(['Gamma shop']);
  });

  it('reads each sort from its index, first page and past a cursor, instead of sorting every project', async () => {
    // Fails if a sort's index (0014) is missing or its expression no longer matches the sort's.
    const { viewer: admin } = await createUser({ role: 'ADMIN' });
    const { user: client } = await createUser();
    for (let i = 0; i < 3; i++) await createProject(client.id, { title: `Site ${i}` });
    const plan = (params: Parameters<typeof projectListQuery>[1]) => planWithoutSeqScans(projectListQuery(admin as Viewer, params).query);
    const indexes = { updated: 'idx_projects_updated_at', created: 'idx_projects_created_at', title: 'idx_projects_title_lower', start: 'idx_projects_start' } as const;
    for (const [sort, index] of Object.entries(indexes) as [keyof typeof indexes, string][]) {
      const first = await listProjects(admin as Viewer, { sort, limit: 1 });
      // (A status filter is left out: at this size the planner rightly takes the status index and
      // sorts the few rows; at the bench's size it walks the sort's index and filters.)
      for (const params of [{ sort }, { sort, cursor: first.nextCursor ?? undefined }]) {
        const text = await plan(params);
        expect(text, `${JSON.stringify(params)}\n${text}`).toContain(index);
        expect(text, `${JSON.stringify(params)}\n${text}`).not.toMatch(/\bSort\b/);
      }
    }
  });
});

// /admin/projects' "Client" field: a search (name, email or company) through the same subquery as
// the ticket queue's (clientIdsMatching), instead of a menu of every client.
describe('the client search of /admin/projects', () => {
  async function fixture() {
    const { viewer } = await createUser({ role: 'ADMIN', name: 'Ada Admin', email: `ada.${Date.now()}@agency.example` });
    const { user: hana } = await createUser({ name: 'Hana Ito', company: 'Harbor Builders', email: `hana.${Date.now()}@ito.example` });
    const { user: mo } = await createUser({ name: 'Mo Lee', company: null, email: `mo.harbor.${Date.now()}@example.test` });
    const { user: olga } = await createUser({ name: 'Olga Berg', company: 'Fjord 50% Off_Ltd', email: `olga.${Date.now()}@sale.example` });
    const p = {
      hanaSite: await createProject(hana.id, { title: 'Hana site', status: 'PENDING' }),
      hanaShop: await createProject(hana.id, { title: 'Hana shop', status: 'IN_PROGRESS' }),
      moApp: await createProject(mo.id, { title: 'Mo app', status: 'PENDING' }),
      olgaBrand: await createProject(olga.id, { title: 'Olga brand', status: 'COMPLETED' }),
    };
    return { admin: viewer as Viewer, hana, mo, olga, p };
  }
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((x) => x.id).sort();
  const sorted = (...rows: { id: string }[]) => rows.map((r) => r.id).sort();

  it('matches the client’s name, email or company, case-insensitively; % and _ are literals', async () => {
    const { admin, p } = await fixture();
    const list = (clientSearch: string) => listProjects(admin, { clientSearch });
    expect(idsOf(await list('HARBOR'))).toEqual(sorted(p.hanaSite, p.hanaShop, p.moApp)); // company; email
    expect(idsOf(await list('olga berg'))).toEqual(sorted(p.olgaBrand)); // name
    expect(idsOf(await list('fjord'))).toEqual(sorted(p.olgaBrand)); // company
    expect(idsOf(await list('sale.example'))).toEqual(sorted(p.olgaBrand)); // email
    expect(idsOf(await list('50%'))).toEqual(sorted(p.olgaBrand));
    expect(idsOf(await list('ff_l'))).toEqual(sorted(p.olgaBrand));
    expect(idsOf(await list('o%d'))).toEqual([]); // not a wildcard ("Fjord")
    expect(idsOf(await list('r_o'))).toEqual([]); // not a wildcard ("Harbor")
    expect(idsOf(await list('nobody'))).toEqual([]);
    // 1 or 2 characters: the start of the name, email or company
    expect(idsOf(await list('m'))).toEqual(sorted(p.moApp));
    expect(idsOf(await list('Ha'))).toEqual(sorted(p.hanaSite, p.hanaShop));
    expect(idsOf(await list('rb'))).toEqual([]);
    // blank: no client filter
    expect(idsOf(await list('   '))).toHaveLength(4);
  });

  it('combines with the status filter, the title search, the client id and the counts', async () => {
    const { admin, hana, mo, p } = await fixture();
    expect(idsOf(await listProjects(admin, { clientSearch: 'harbor', status: ['PENDING'] }))).toEqual(sorted(p.hanaSite, p.moApp));
    expect(idsOf(await listProjects(admin, { clientSearch: 'harbor', status: ['COMPLETED'] }))).toEqual([]);
    expect(idsOf(await listProjects(admin, { clientSearch: 'harbor', search: 'shop' }))).toEqual(sorted(p.hanaShop));
    expect(idsOf(await listProjects(admin, { clientSearch: 'harbor', clientId: mo.id }))).toEqual(sorted(p.moApp));
    expect(idsOf(await listProjects(admin, { clientSearch: 'olga', clientId: hana.id }))).toEqual([]);
    expect(await projectStatusCounts(admin, { clientSearch: 'HARBOR' })).toMatchObject({ PENDING: 2, IN_PROGRESS: 1, COMPLETED: 0 });
    expect(await projectStatusCounts(admin, { clientSearch: 'harbor', clientId: hana.id })).toMatchObject({ PENDING: 1, IN_PROGRESS: 1 });
    // keyset pages keep the filter
    const first = await listProjects(admin, { clientSearch: 'harbor', limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listProjects(admin, { clientSearch: 'harbor', limit: 2, cursor: first.nextCursor! });
    expect([...idsOf(first), ...idsOf(second)].sort()).toEqual(sorted(p.hanaSite, p.hanaShop, p.moApp));
  });

  it('is refused to a client: their search never reaches another client’s projects', async () => {
    const { p } = await fixture();
    const { user: me, viewer } = await createUser({ name: 'Harbor Fan', company: 'Harbor Fans' });
    const mine = await createProject(me.id, { title: 'My harbor site' });
    const v = viewer as Viewer;
    // Staff-only parameters are ignored for a CLIENT: their own projects only, as without them.
    expect(idsOf(await listProjects(v, { clientSearch: 'harbor' }))).toEqual([mine.id]);
    expect(idsOf(await listProjects(v, { clientSearch: 'olga' }))).toEqual([mine.id]);
    expect(idsOf(await listProjects(v, { clientSearch: 'olga', clientId: p.olgaBrand.clientId }))).toEqual([mine.id]);
    expect(await projectStatusCounts(v, { clientSearch: 'harbor' })).toMatchObject({ PENDING: 1, IN_PROGRESS: 0 });
  });

  it('refuses a search over 200 characters with a clear message (the page’s schema drops it instead)', async () => {
    const { admin } = await fixture();
    await expect(listProjects(admin, { clientSearch: 'x'.repeat(201) })).rejects.toThrow(/at most 200 characters/);
    expect((await listProjects(admin, { clientSearch: 'x'.repeat(200) })).items).toEqual([]);
  });
});
