import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { projects, supportTickets, users, type Role } from '@/db/schema';
import { createProject, createTicket, createUser, type TestViewer } from '../helpers/factories';
import { outboxTo, resetData, snapshot } from './helpers';

// The staff server actions, called as a browser would (they are public POST endpoints). Vitest
// has no request, so the session is stood in for: `requireUser` behaves like the real one
// (a wrong role → redirect, which throws), or — to prove the data layer's own check — lets
// everyone through ("bypass"), as if a page's guard had been forgotten.

const auth = vi.hoisted(() => ({
  viewer: null as null | { id: string; email: string; name: string | null; company: string | null; role: Role; emailVerified: boolean },
  bypass: false,
}));

vi.mock('@/lib/auth/session', () => ({
  getViewer: async () => auth.viewer,
  requireUser: async (roles?: readonly Role[]) => {
    if (!auth.viewer) throw new Error('NEXT_REDIRECT /login');
    if (!auth.bypass && roles && !roles.includes(auth.viewer.role)) throw new Error('NEXT_REDIRECT home');
    return auth.viewer;
  },
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn() }));

const clientActions = await import('@/app/admin/clients/actions');
const clientDetailActions = await import('@/app/admin/clients/[id]/actions');
const projectActions = await import('@/app/admin/projects/[id]/actions');
const ticketActions = await import('@/app/admin/tickets/[ticketNumber]/actions');
const userActions = await import('@/app/admin/users/actions');

function signInAs(viewer: TestViewer, { bypass = false } = {}) {
  auth.viewer = viewer;
  auth.bypass = bypass;
}

beforeEach(async () => {
  await resetData();
  auth.viewer = null;
  auth.bypass = false;
  revalidatePath.mockClear();
});

async function world() {
  const { viewer: client, user: clientUser } = await createUser();
  const { user: other } = await createUser({ emailVerified: false });
  const { user: invited } = await createUser({ passwordHash: null, emailVerified: false });
  const { viewer: admin } = await createUser({ role: 'ADMIN' });
  const { viewer: root, user: rootUser } = await createUser({ role: 'SUPER_ADMIN' });
  const project = await createProject(clientUser.id, { status: 'PENDING' });
  const ticket = await createTicket(clientUser.id);
  return { client, other, invited, admin, root, rootUser, project, ticket };
}

type World = Awaited<ReturnType<typeof world>>;

/** Every staff (ADMIN + SUPER_ADMIN) action with arguments that would succeed for staff. */
const staffCalls = (w: World) => ({
  inviteClient: () => clientActions.inviteClientAction({ email: 'fresh@example.test', name: 'Fresh', company: '' }),
  updateClient: () =>
    clientDetailActions.updateClientAction({ clientId: w.other.id, email: w.other.email, name: 'Renamed', company: '' }),
  deactivateClient: () => clientDetailActions.setClientActiveAction({ userId: w.other.id, active: false }),
  resendInvitation: () => clientDetailActions.resendInvitationAction({ userId: w.invited.id }),
  resendVerification: () => clientDetailActions.resendVerificationAction({ userId: w.other.id }),
  createProject: () =>
    clientDetailActions.createProjectForClientAction({ clientId: w.client.id, title: 'Sneaky', type: 'OTHER' }),
  updateProject: () => projectActions.updateProjectAction({ projectId: w.project.id, title: 'Renamed', type: 'OTHER' }),
  moveProject: () => projectActions.moveProjectAction({ projectId: w.project.id, to: 'APPROVED' }),
  reply: () => ticketActions.replyAsAgencyAction(w.ticket.ticketNumber, { content: 'Hello from "the agency"' }),
  setTicketStatus: () => ticketActions.setTicketStatusAction(w.ticket.ticketNumber, 'RESOLVED'),
});

/** Every SUPER_ADMIN action. */
const superCalls = (w: World) => ({
  inviteStaff: () => userActions.inviteStaffAction({ email: 'boss@example.test', name: 'Boss', role: 'SUPER_ADMIN' }),
  changeRole: () => userActions.changeRoleAction({ userId: w.admin.id, role: 'SUPER_ADMIN' }),
  promoteSelf: () => userActions.changeRoleAction({ userId: w.client.id, role: 'SUPER_ADMIN' }),
  demoteRoot: () => userActions.changeRoleAction({ userId: w.root.id, role: 'CLIENT' }),
  deactivateRoot: () => userActions.setUserActiveAction({ userId: w.root.id, active: false }),
  preview: () => userActions.deletionPreviewAction({ userId: w.root.id }),
  deleteRoot: () => userActions.deleteUserAction({ userId: w.rootUser.id, confirmEmail: w.rootUser.email }),
});

describe('a CLIENT posting straight to admin actions', () => {
  it('is turned away by requireUser, and nothing changes', async () => {
    const w = await world();
    signInAs(w.client);
    const before = await snapshot();
    for (const [name, call] of Object.entries({ ...staffCalls(w), ...superCalls(w) })) {
      await expect(call(), name).rejects.toThrow(/NEXT_REDIRECT/);
    }
    expect(await snapshot()).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('changes nothing even if requireUser let them through: the data layer refuses too', async () => {
    const w = await world();
    signInAs(w.client, { bypass: true });
    const before = await snapshot();
    for (const [name, call] of Object.entries({ ...staffCalls(w), ...superCalls(w) })) {
      const result = await call();
      expect(result.ok, name).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('an ADMIN posting to SUPER_ADMIN actions', () => {
  it('is turned away, and with the page guard bypassed the data layer still refuses', async () => {
    const w = await world();
    signInAs(w.admin);
    const before = await snapshot();
    for (const [name, call] of Object.entries(superCalls(w))) {
      await expect(call(), name).rejects.toThrow(/NEXT_REDIRECT/);
    }
    signInAs(w.admin, { bypass: true });
    for (const [name, call] of Object.entries(superCalls(w))) {
      const result = await call();
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/not found/i);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('staff actions, as staff', () => {
  it('an ADMIN runs every staff action; each answers ok with a message and revalidates', async () => {
    const w = await world();
    signInAs(w.admin);
    for (const [name, call] of Object.entries(staffCalls(w))) {
      const result = await call();
      expect(result, name).toMatchObject({ ok: true });
      expect((result as { message?: string }).message, name).toBeTruthy();
    }
    expect(revalidatePath).toHaveBeenCalledWith('/admin/clients');
    const [p] = await db.select().from(projects).where(eq(projects.id, w.project.id));
    expect(p).toMatchObject({ title: 'Renamed', status: 'APPROVED' });
    const [t] = await db.select().from(supportTickets).where(eq(supportTickets.id, w.ticket.id));
    expect(t.status).toBe('RESOLVED');
    const [o] = await db.select().from(users).where(eq(users.id, w.other.id));
    expect(o).toMatchObject({ name: 'Renamed', active: false });
  });

  it('a reply as the agency is sent as ADMIN, sets PENDING and mails the client', async () => {
    const w = await world();
    signInAs(w.admin);
    const result = await ticketActions.replyAsAgencyAction(w.ticket.ticketNumber.toLowerCase(), { content: 'We are on it.' });
    expect(result).toMatchObject({ ok: true, data: { sender: 'ADMIN', status: 'PENDING' } });
    const mails = await outboxTo(w.client.email);
    expect(mails.map((m) => m.template)).toContain('ticket-reply');
    // A closed ticket takes no more replies: the form gets a message, nothing is written.
    await ticketActions.setTicketStatusAction(w.ticket.ticketNumber, 'CLOSED');
    const before = await snapshot();
    const refused = await ticketActions.replyAsAgencyAction(w.ticket.ticketNumber, { content: 'Too late' });
    expect(refused).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it('answers validation and workflow mistakes with messages for the form', async () => {
    const w = await world();
    signInAs(w.admin);
    const bad = await clientDetailActions.createProjectForClientAction({ clientId: w.client.id, title: 'x', type: 'NOPE' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(['title', 'type']));
    const refused = await projectActions.moveProjectAction({ projectId: w.project.id, to: 'COMPLETED' });
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.error).toMatch(/cannot move from Pending to Completed/);
  });

  it('a SUPER_ADMIN runs the staff-management actions, and is stopped by the guards', async () => {
    const w = await world();
    signInAs(w.root);
    expect(await userActions.inviteStaffAction({ email: 'new-admin@example.test', name: 'New', role: 'ADMIN' })).toMatchObject({ ok: true });
    expect(await userActions.changeRoleAction({ userId: w.client.id, role: 'ADMIN' })).toMatchObject({ ok: true, data: { changed: true } });
    const self = await userActions.changeRoleAction({ userId: w.root.id, role: 'ADMIN' });
    expect(self).toMatchObject({ ok: false });
    if (!self.ok) expect(self.error).toMatch(/own role/);
    const selfDelete = await userActions.deleteUserAction({ userId: w.root.id, confirmEmail: w.root.email });
    expect(selfDelete).toMatchObject({ ok: false });
    const preview = await userActions.deletionPreviewAction({ userId: w.client.id });
    expect(preview).toMatchObject({ ok: true, data: { impact: { projects: 1, tickets: 1 } } });
    const wrong = await userActions.deleteUserAction({ userId: w.client.id, confirmEmail: 'nope@example.test' });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { confirmEmail: expect.any(Array) } });
    expect(await userActions.deleteUserAction({ userId: w.client.id, confirmEmail: w.client.email })).toMatchObject({ ok: true });
  });
});
