import 'server-only';
import { createElement } from 'react';
import { and, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { projects, supportTickets, users } from '@/db/schema';
import type { ProjectStatus, ProjectType } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { isStaff } from '@/lib/auth/roles';
import { NotFoundError, UserError } from '@/lib/action-result';
import { deliverSoon, queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/email/links';
import ProjectRequestedEmail, { subject as projectRequestedSubject } from '@/lib/email/templates/project-requested';
import {
  projectListParamsSchema,
  projectRequestSchema,
  type ProjectListParams,
  type ProjectSort,
} from '@/lib/validation/projects';
import { listTickets, type TicketListItem } from './tickets';
import { decodeCursor, keysetClauses, keyText, toPage, type KeysetSort, type Page } from './keyset';
import { clientIdsMatching, likePattern } from './search';
import { ACTIONS, logActivity, type ActivityContext } from './activity';
import { once } from './idempotency';
import { activeStaff, staffMailRecipients, notify } from './notifications';

// Projects, for both sides. A CLIENT sees and requests only their own (client_id = viewer.id,
// served by idx_projects_client_status); staff see all and may filter by client. Status moves
// (staff only) live in the admin's module and go through lib/workflows' transition table.

type ViewerLike = Pick<Viewer, 'id' | 'role'> & Partial<Pick<Viewer, 'name' | 'email' | 'company'>>;

export type ProjectListItem = {
  id: string;
  title: string;
  type: ProjectType;
  status: ProjectStatus;
  budget: number | null;
  startDate: Date | null;
  endDate: Date | null;
  createdAt: Date;
  updatedAt: Date;
  clientId: string;
  clientName: string | null;
  clientEmail: string;
  clientCompany: string | null;
  /** Tickets about this project that are OPEN or PENDING. */
  openTicketCount: number;
};

function projectSort(name: ProjectSort): KeysetSort {
  switch (name) {
    case 'created':
      return { key: sql`${projects.createdAt}`, dir: 'desc', kind: 'timestamp', id: projects.id };
    case 'title':
      return { key: sql`lower(${projects.title})`, dir: 'asc', kind: 'text', id: projects.id };
    case 'start':
      // Undated projects last.
      return {
        key: sql`coalesce(${projects.startDate}, '9999-12-31T00:00:00Z'::timestamptz)`,
        dir: 'asc',
        kind: 'timestamp',
        id: projects.id,
      };
    case 'updated':
    default:
      return { key: sql`${projects.updatedAt}`, dir: 'desc', kind: 'timestamp', id: projects.id };
  }
}

function clientScope(viewer: ViewerLike, clientId: string | undefined): SQL | undefined {
  if (!isStaff(viewer.role)) return eq(projects.clientId, viewer.id);
  return clientId ? eq(projects.clientId, clientId) : undefined;
}

/**
 * Staff only: the projects of the clients whose name, email or company matches the client search
 * (clientIdsMatching, as the staff ticket queue filters). A CLIENT's search is ignored: clientScope
 * already keeps them to their own projects.
 */
function clientSearchScope(viewer: ViewerLike, clientSearch: string | undefined): SQL | undefined {
  const term = clientSearch?.trim();
  if (!term || !isStaff(viewer.role)) return undefined;
  return sql`${projects.clientId} in ${clientIdsMatching(term)}`;
}

/**
 * The viewer's projects (staff: all, one client's, or those of the clients matching a client
 * search), filtered by status/type/title and sorted (updated, created, title, start), 25 a page
 * with keyset cursors. One SQL statement.
 */
export async function listProjects(viewer: ViewerLike, params: ProjectListParams = {}): Promise<Page<ProjectListItem>> {
  const { query, limit, sort, cursor, backwards } = projectListQuery(viewer, params);
  return toPage(await query, limit, sort, cursor, backwards);
}

/** listProjects' statement, not yet run (tests read its plan). */
export function projectListQuery(viewer: ViewerLike, params: ProjectListParams = {}) {
  const p = projectListParamsSchema.parse(params);
  const sort = projectSort(p.sort);
  const cursor = decodeCursor(p.cursor, p.sort);
  const { where: after, orderBy, backwards } = keysetClauses(sort, cursor);

  const openTickets = db
    .select({ n: sql<number>`count(*)::int`.as('open_ticket_count') })
    .from(supportTickets)
    .where(and(eq(supportTickets.projectId, projects.id), inArray(supportTickets.status, ['OPEN', 'PENDING'])))
    .as('open_tickets');

  const query = db
    .select({
      id: projects.id,
      title: projects.title,
      type: projects.type,
      status: projects.status,
      budget: projects.budget,
      startDate: projects.startDate,
      endDate: projects.endDate,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
      clientId: projects.clientId,
      clientName: users.name,
      clientEmail: users.email,
      clientCompany: users.company,
      openTicketCount: sql<number>`coalesce(${openTickets.n}, 0)`.mapWith(Number),
      sortKey: keyText(sort),
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.clientId))
    .leftJoinLateral(openTickets, sql`true`)
    .where(
      and(
        clientScope(viewer, p.clientId),
        clientSearchScope(viewer, p.clientSearch),
        p.status?.length ? inArray(projects.status, p.status) : undefined,
        p.type?.length ? inArray(projects.type, p.type) : undefined,
        p.search ? ilike(projects.title, likePattern(p.search)) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(p.limit + 1);
  return { query, limit: p.limit, sort: p.sort, cursor, backwards };
}

export type ProjectDetail = {
  id: string;
  title: string;
  description: string | null;
  requirements: string | null;
  type: ProjectType;
  status: ProjectStatus;
  budget: number | null;
  startDate: Date | null;
  endDate: Date | null;
  createdAt: Date;
  updatedAt: Date;
  clientId: string;
  clientName: string | null;
  clientEmail: string;
  clientCompany: string | null;
};

/** One project with its tickets (most recent activity first). NotFoundError when not the viewer's. */
export async function getProject(
  viewer: ViewerLike,
  id: string,
): Promise<{ project: ProjectDetail; tickets: TicketListItem[]; moreTickets: boolean }> {
  const projectId = String(id ?? '').trim();
  if (!projectId || projectId.length > 100) throw new NotFoundError();
  const [project] = await db
    .select({
      id: projects.id,
      title: projects.title,
      description: projects.description,
      requirements: projects.requirements,
      type: projects.type,
      status: projects.status,
      budget: projects.budget,
      startDate: projects.startDate,
      endDate: projects.endDate,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
      clientId: projects.clientId,
      clientName: users.name,
      clientEmail: users.email,
      clientCompany: users.company,
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.clientId))
    .where(and(eq(projects.id, projectId), clientScope(viewer, undefined)))
    .limit(1);
  if (!project) throw new NotFoundError();
  const page = await listTickets(viewer, { projectId: project.id, clientId: project.clientId, limit: 50 });
  return { project, tickets: page.items, moreTickets: page.nextCursor !== null };
}

/**
 * A client requests a project: created PENDING, staff mailed (every active ADMIN and SUPER_ADMIN,
 * or AGENCY_NOTIFY_EMAIL) in the same transaction. Staff may create one for `input.clientId`
 * (still PENDING; nobody is mailed).
 */
export async function requestProject(viewer: ViewerLike, input: unknown, ctx: ActivityContext = {}): Promise<{ id: string }> {
  const data = projectRequestSchema.parse(input);
  const mailIds: string[] = [];
  const created = await db.transaction((tx) =>
    once(tx, {
      userId: viewer.id,
      key: data.idempotencyKey,
      entityType: 'project',
      idOf: (project) => project.id,
      replay: async (id) => ({ id }),
      create: async () => {
        const clientId = isStaff(viewer.role) ? data.clientId : viewer.id;
        if (!clientId) throw new UserError('Choose the client this project is for.', { clientId: ['Choose a client'] });
        const [client] = await tx
          .select({ id: users.id, email: users.email, name: users.name, company: users.company, role: users.role })
          .from(users)
          .where(eq(users.id, clientId))
          .limit(1);
        if (!client || client.role !== 'CLIENT') {
          if (!isStaff(viewer.role)) throw new NotFoundError();
          throw new UserError('Choose an existing client.', { clientId: ['Choose an existing client'] });
        }

        const project = await insertProject(tx, data, client.id, 'PENDING');
        await logActivity(tx, {
          ...ctx,
          actorId: viewer.id,
          action: ACTIONS.projectRequested,
          entityType: 'project',
          entityId: project.id,
          details: { to: 'PENDING', title: data.title },
        });

        if (!isStaff(viewer.role)) {
          await notify(
            tx,
            (await activeStaff(tx)).map((s) => ({
              userId: s.id,
              kind: 'PROJECT_REQUESTED' as const,
              projectId: project.id,
              title: `New project request: ${data.title}`,
              body: `From ${client.name?.trim() || client.email}`,
            })),
          );
          const props = {
            clientName: client.name?.trim() || client.email,
            clientEmail: client.email,
            company: client.company,
            title: data.title,
            type: data.type,
            budget: data.budget,
            startDate: data.startDate,
            endDate: data.endDate,
            description: data.description,
            url: appUrl(`/admin/projects/${project.id}`),
          };
          for (const to of await staffMailRecipients(tx, 'PROJECT_REQUESTED')) {
            mailIds.push(
              await queueEmail(tx, {
                to,
                template: 'project-requested',
                subject: projectRequestedSubject(props),
                element: createElement(ProjectRequestedEmail, props),
              }),
            );
          }
        }
        return project;
      },
    }),
  );
  deliverSoon(mailIds);
  return created;
}

/**
 * Project counts per status in the viewer's scope (for filter chips), narrowed like the list by
 * a client id or (staff) a client search. One grouped statement.
 */
export async function projectStatusCounts(
  viewer: ViewerLike,
  params: { clientId?: string; clientSearch?: string } = {},
): Promise<Record<ProjectStatus, number>> {
  const rows = await db
    .select({ status: projects.status, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(projects)
    .where(and(clientScope(viewer, params.clientId), clientSearchScope(viewer, params.clientSearch)))
    .groupBy(projects.status);
  const counts: Record<ProjectStatus, number> = {
    PENDING: 0,
    APPROVED: 0,
    IN_PROGRESS: 0,
    REVIEW: 0,
    COMPLETED: 0,
    CANCELLED: 0,
  };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** The fields a project request and a staff-created project both carry. */
export type ProjectFields = Pick<typeof projects.$inferInsert, 'title' | 'type' | 'description' | 'requirements' | 'budget' | 'startDate' | 'endDate'>;

/** Inserts a validated project for a client (the caller has checked who may, and the client). */
export async function insertProject(
  tx: DbOrTx,
  data: ProjectFields,
  clientId: string,
  status: ProjectStatus,
): Promise<{ id: string }> {
  const [project] = await tx
    .insert(projects)
    .values({
      title: data.title,
      type: data.type,
      description: data.description,
      requirements: data.requirements,
      budget: data.budget,
      startDate: data.startDate,
      endDate: data.endDate,
      clientId,
      status,
    })
    .returning({ id: projects.id });
  return project;
}
