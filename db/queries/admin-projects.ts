import 'server-only';
import { createElement } from 'react';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { projects, users, type ProjectStatus } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import type { Viewer } from '@/lib/auth/session';
import { appUrl } from '@/lib/email/links';
import { deliverSoon, queueEmail } from '@/lib/email/outbox';
import ProjectCreatedForClientEmail, {
  subject as projectCreatedSubject,
} from '@/lib/email/templates/project-created-for-client';
import ProjectStatusChangedEmail, {
  subject as projectStatusChangedSubject,
} from '@/lib/email/templates/project-status-changed';
import { projectStatusLabel } from '@/lib/format';
import {
  createProjectForClientSchema,
  moveProjectSchema,
  updateProjectSchema,
} from '@/lib/validation/admin';
import { assertProjectMove } from '@/lib/workflows';
import { assertStaff } from './staff';
import { ACTIONS, logActivity, type ActivityContext } from './activity';
import { notify, wantsMail } from './notifications';
import { insertProject } from './projects';

// Staff-only project operations: create a project for a client, edit its details, and move it
// through the workflow (lib/workflows' one transition table). Listing and reading projects is
// db/queries/projects.ts's (role-aware, shared with the client portal).

/**
 * A project the agency creates for a client starts APPROVED: the agency itself decided to do the
 * work, so there is nobody left to approve a PENDING request (PENDING means "a client asked,
 * waiting for the agency"). The client is mailed.
 */
export const STAFF_CREATED_PROJECT_STATUS: ProjectStatus = 'APPROVED';

const clientName = (c: { name: string | null; email: string }) => c.name?.trim() || c.email;

export async function createProjectForClient(viewer: Viewer, input: unknown): Promise<{ id: string }> {
  assertStaff(viewer);
  const data = createProjectForClientSchema.parse(input);
  const mailIds: string[] = [];
  const created = await db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: users.id, email: users.email, name: users.name, active: users.active })
      .from(users)
      .where(and(eq(users.id, data.clientId), eq(users.role, 'CLIENT')))
      .for('share');
    if (!client) throw new NotFoundError('No such client.');
    const project = await insertProject(tx, data, client.id, STAFF_CREATED_PROJECT_STATUS);
    if (client.active) {
      const props = {
        clientName: clientName(client),
        title: data.title,
        type: data.type,
        status: STAFF_CREATED_PROJECT_STATUS,
        budget: data.budget,
        startDate: data.startDate,
        endDate: data.endDate,
        url: appUrl(`/projects/${project.id}`),
      };
      mailIds.push(
        await queueEmail(tx, {
          to: client.email,
          template: 'project-created-for-client',
          subject: projectCreatedSubject(props),
          element: createElement(ProjectCreatedForClientEmail, props),
        }),
      );
    }
    return project;
  });
  deliverSoon(mailIds);
  return created;
}

/** Edits title, description, requirements, type, budget and dates (not the status). */
export async function updateProject(viewer: Viewer, input: unknown): Promise<{ id: string }> {
  assertStaff(viewer);
  const data = updateProjectSchema.parse(input);
  const [row] = await db
    .update(projects)
    .set({
      title: data.title,
      type: data.type,
      description: data.description,
      requirements: data.requirements,
      budget: data.budget,
      startDate: data.startDate,
      endDate: data.endDate,
    })
    .where(eq(projects.id, data.projectId))
    .returning({ id: projects.id });
  if (!row) throw new NotFoundError('No such project.');
  return row;
}

/**
 * Moves a project to another status. Only the moves of the workflow table pass (any other is a
 * UserError naming the allowed ones). The row is locked, so two staff moving the same project at
 * once are serialised and the second sees the first's status. When the page's `from` no longer
 * matches, nothing changes (the project moved meanwhile). The client is mailed in the same
 * transaction (outbox), delivered after the commit.
 */
export async function moveProjectStatus(
  viewer: Viewer,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ id: string; from: ProjectStatus; to: ProjectStatus }> {
  assertStaff(viewer);
  const data = moveProjectSchema.parse(input);
  const mailIds: string[] = [];
  const result = await db.transaction(async (tx) => {
    const [project] = await tx
      .select({
        id: projects.id,
        title: projects.title,
        status: projects.status,
        clientId: projects.clientId,
        clientEmail: users.email,
        clientName: users.name,
        clientActive: users.active,
      })
      .from(projects)
      .innerJoin(users, eq(users.id, projects.clientId))
      .where(eq(projects.id, data.projectId))
      .for('update', { of: projects });
    if (!project) throw new NotFoundError('No such project.');
    if (data.from && data.from !== project.status) {
      throw new UserError(
        `This project was moved to ${projectStatusLabel(project.status)} meanwhile; reload the page and try again.`,
      );
    }
    assertProjectMove(project.status, data.to);
    await tx.update(projects).set({ status: data.to }).where(eq(projects.id, project.id));
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.projectStatusChanged,
      entityType: 'project',
      entityId: project.id,
      details: { from: project.status, to: data.to },
    });
    if (project.clientActive) {
      await notify(tx, [
        {
          userId: project.clientId,
          kind: 'PROJECT_STATUS',
          projectId: project.id,
          title: `${project.title} is now ${projectStatusLabel(data.to).toLowerCase()}`,
          body: `Moved from ${projectStatusLabel(project.status)} to ${projectStatusLabel(data.to)}.`,
        },
      ]);
    }
    if (project.clientActive && (await wantsMail(tx, project.clientId, 'PROJECT_STATUS'))) {
      const props = {
        clientName: clientName({ name: project.clientName, email: project.clientEmail }),
        title: project.title,
        from: project.status,
        to: data.to,
        url: appUrl(`/projects/${project.id}`),
      };
      mailIds.push(
        await queueEmail(tx, {
          to: project.clientEmail,
          template: 'project-status-changed',
          subject: projectStatusChangedSubject(props),
          element: createElement(ProjectStatusChangedEmail, props),
        }),
      );
    }
    return { id: project.id, from: project.status, to: data.to };
  });
  deliverSoon(mailIds);
  return result;
}
