// Client B gets nothing of client A's, by any id, through any portal query or mutation, and a
// refused call writes nothing (row counts unchanged, A's rows untouched).
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UserError } from '@/lib/action-result';
import { clientDashboard } from '@/db/queries/dashboard';
import { getProject, listProjects, projectStatusCounts, requestProject } from '@/db/queries/projects';
import {
  addComment,
  createTicket,
  getTicketByNumber,
  listComments,
  listTickets,
  setTicketStatus,
  ticketProjectChoices,
  ticketStatusCounts,
} from '@/db/queries/tickets';
import { createComment, createProject, createTicket as makeTicket, createUser, type TestViewer } from '../helpers/factories';
import { expectRejectedWithoutWrites, rowCounts, ticketState } from './helpers';

let a: TestViewer;
let b: TestViewer;
let projectA: { id: string };
let ticketA: { id: string; ticketNumber: string };

beforeAll(async () => {
  a = (await createUser({ name: 'Owner A' })).viewer;
  b = (await createUser({ name: 'Intruder B' })).viewer;
  await createUser({ role: 'ADMIN' });
  projectA = await createProject(a.id, { title: 'Secret project of A', status: 'IN_PROGRESS' });
  ticketA = await makeTicket(a.id, { subject: 'Secret ticket of A', projectId: projectA.id, status: 'PENDING' });
  await createComment(ticketA.id, a.id, { content: 'Secret comment of A' });
});

describe('client B and client A’s data', () => {
  it('lists: B sees none of A’s projects or tickets, whatever the filters', async () => {
    for (const params of [{}, { clientId: a.id }, { search: 'Secret' }, { projectId: projectA.id }, { status: 'PENDING' as const }]) {
      const page = await listTickets(b, params);
      expect(page.items.filter((t) => t.clientId === a.id)).toEqual([]);
    }
    for (const params of [{}, { clientId: a.id }, { search: 'Secret' }, { status: 'IN_PROGRESS' as const }]) {
      expect((await listProjects(b, params)).items).toEqual([]);
    }
    expect(await ticketStatusCounts(b, { clientId: a.id })).toEqual({ OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 });
    expect(Object.values(await projectStatusCounts(b, { clientId: a.id })).every((n) => n === 0)).toBe(true);
    expect(await ticketProjectChoices(b, a.id)).toEqual([]);
    const dash = await clientDashboard(b, { clientId: a.id });
    expect(dash).toMatchObject({ activeProjects: 0, openTickets: 0, waitingForYou: [], recentActivity: [] });
  });

  it('details: A’s ticket and project are NotFound for B', async () => {
    await expect(getTicketByNumber(b, ticketA.ticketNumber)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listComments(b, ticketA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProject(b, projectA.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('mutations: B cannot reply to, resolve, reopen or attach to A’s ticket/project; nothing is written', async () => {
    const before = await ticketState(ticketA.id);
    await expectRejectedWithoutWrites(() => addComment(b, ticketA.ticketNumber, { content: 'let me in' }), NotFoundError);
    for (const status of ['RESOLVED', 'OPEN', 'CLOSED', 'PENDING']) {
      await expectRejectedWithoutWrites(() => setTicketStatus(b, ticketA.ticketNumber, status), NotFoundError);
    }
    await expectRejectedWithoutWrites(
      () => createTicket(b, { subject: 'Attach', description: 'Attaching A’s project to my ticket.', projectId: projectA.id }),
      UserError,
    );
    expect(await ticketState(ticketA.id)).toEqual(before);
    expect((await listComments(a, ticketA.id)).map((c) => c.content)).toEqual(['Secret comment of A']);
  });

  it('B’s own writes never land on A (client ids from input are ignored)', async () => {
    const before = await rowCounts();
    const t = await createTicket(b, { subject: 'Mine only', description: 'This ticket must be mine.', clientId: a.id });
    const p = await requestProject(b, {
      title: 'Mine only',
      type: 'OTHER',
      description: 'This project must be mine.',
      requirements: 'Nothing more than that.',
      clientId: a.id,
    });
    expect((await getTicketByNumber(b, t.ticketNumber)).clientId).toBe(b.id);
    expect((await getProject(b, p.id)).project.clientId).toBe(b.id);
    await expect(getTicketByNumber(a, t.ticketNumber)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProject(a, p.id)).rejects.toBeInstanceOf(NotFoundError);
    const after = await rowCounts();
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.projects).toBe(before.projects + 1);
  });
});
