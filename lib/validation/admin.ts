import { z } from 'zod';
import { text } from './text';
import { clientSearchParam, cursorParam, optionalIdParam, pageParam, searchParam } from './params';
import type { ProjectStatus, ProjectType, Role, TicketStatus } from '@/db/schema';
import {
  budgetSchema,
  calendarDateSchema,
  projectTitleSchema,
  projectTypeSchema,
  refineDateRange,
  PROJECT_SORTS,
} from './projects';

// Zod schemas of the staff area (/admin), shared by its forms (react-hook-form + zodResolver in
// raw mode: the form checks the typed strings and sends them as typed) and by db/queries (which
// parse the same strings into typed values). tests/admin/validation.test.ts checks that the enum
// lists match db/schema.ts.

export const ROLES = ['CLIENT', 'ADMIN', 'SUPER_ADMIN'] as const satisfies readonly Role[];
export const STAFF_ROLE_VALUES = ['ADMIN', 'SUPER_ADMIN'] as const satisfies readonly Role[];
export const PROJECT_STATUSES = [
  'PENDING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'CANCELLED',
] as const satisfies readonly ProjectStatus[];
export const PROJECT_TYPES = [
  'WEBSITE',
  'E_COMMERCE',
  'WEB_APP',
  'MOBILE_APP',
  'BRANDING',
  'MARKETING',
  'OTHER',
] as const satisfies readonly ProjectType[];
export const TICKET_STATUSES = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];

export const PAGE_SIZE = 25;

const id = text().trim().min(1, 'Missing id').max(200, 'Invalid id');

const email = text()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .max(254, 'Use at most 254 characters')
  .pipe(z.email('Enter a valid email address'));

/** Optional short text: '' and whitespace become null. */
const optionalText = (max: number, label: string) =>
  text()
    .trim()
    .max(max, `${label}: use at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

const requiredName = text().trim().min(1, 'Enter a name').max(120, 'Use at most 120 characters');

// ---------------------------------------------------------------------------------------------
// Lists (URL search params). Bad values fall back to the defaults instead of failing the page
// (lib/validation/params.ts).

export const CLIENT_SORTS = ['name', 'email', 'company', 'created', 'last_login'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export const clientListSchema = z.object({
  q: searchParam,
  active: z.enum(['all', 'active', 'inactive']).catch('all').default('all'),
  verified: z.enum(['all', 'verified', 'unverified']).catch('all').default('all'),
  sort: z.enum(CLIENT_SORTS).catch('created').default('created'),
  dir: z.enum(['asc', 'desc']).catch('desc').default('desc'),
  page: pageParam,
});
export type ClientListInput = z.input<typeof clientListSchema>;
export type ClientListQuery = z.output<typeof clientListSchema>;

export const projectListSchema = z.object({
  q: searchParam,
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  type: z.enum(PROJECT_TYPES).optional().catch(undefined),
  /** One client's projects (the links from a client's page). */
  clientId: optionalIdParam,
  /** Client name, email or company contains (the "Client" field), as on the ticket queue. */
  client: clientSearchParam,
  sort: z.enum(PROJECT_SORTS).catch('updated').default('updated'),
  cursor: cursorParam,
});
export type ProjectListInput = z.input<typeof projectListSchema>;
export type ProjectListQuery = z.output<typeof projectListSchema>;

/** Queue tabs: ACTIVE = OPEN + PENDING (the default), ALL, or one status. */
export const TICKET_TABS = ['ACTIVE', ...TICKET_STATUSES, 'ALL'] as const;
export type TicketTab = (typeof TICKET_TABS)[number];
export const TICKET_SORTS = ['last_reply', 'created', 'waiting', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const ticketQueueSchema = z.object({
  status: z.preprocess(
    (v) => (typeof v === 'string' ? v.toUpperCase() : v),
    z.enum(TICKET_TABS).catch('ACTIVE').default('ACTIVE'),
  ),
  q: searchParam,
  clientId: optionalIdParam,
  /** Client name, email or company contains (the queue's "Client" field). */
  client: clientSearchParam,
  sort: z.enum(TICKET_SORTS).catch('last_reply').default('last_reply'),
  cursor: cursorParam,
  /** Priority filter (one value) and "Assigned to": me / unassigned (issue 8). */
  priority: z.enum(['LOW', 'MEDIUM', 'HIGH', 'URGENT']).optional().catch(undefined),
  assigned: z.enum(['me', 'unassigned']).optional().catch(undefined),
});
export type TicketQueueInput = z.input<typeof ticketQueueSchema>;
export type TicketQueueQuery = z.output<typeof ticketQueueSchema>;

export const USER_FILTERS = ['staff', 'clients', 'all'] as const;
export const userListSchema = z.object({
  role: z.enum(USER_FILTERS).catch('staff').default('staff'),
  q: searchParam,
  page: pageParam,
});
export type UserListInput = z.input<typeof userListSchema>;
export type UserListQuery = z.output<typeof userListSchema>;

// ---------------------------------------------------------------------------------------------
// Clients

export const inviteClientSchema = z.object({
  email,
  name: requiredName,
  company: optionalText(120, 'Company'),
});
export type InviteClientInput = z.input<typeof inviteClientSchema>;

export const updateClientSchema = z.object({
  clientId: id,
  email,
  name: requiredName,
  company: optionalText(120, 'Company'),
});
export type UpdateClientInput = z.input<typeof updateClientSchema>;

export const setActiveSchema = z.object({
  userId: id,
  active: z.boolean(),
});
export type SetActiveInput = z.input<typeof setActiveSchema>;

export const userIdSchema = z.object({ userId: id });

// ---------------------------------------------------------------------------------------------
// Projects

// Field rules shared with the client's project request (lib/validation/projects.ts): same title,
// type, budget (≥ 0, two decimals, £ and commas accepted) and calendar dates (end not before
// start). Staff may leave the description and requirements empty (older projects have none).
const projectFields = {
  title: projectTitleSchema,
  type: projectTypeSchema,
  description: optionalText(10_000, 'Description'),
  requirements: optionalText(10_000, 'Requirements'),
  budget: budgetSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema,
};

export const createProjectForClientSchema = z
  .object({ clientId: id, ...projectFields })
  .superRefine(refineDateRange);
export type CreateProjectForClientInput = z.input<typeof createProjectForClientSchema>;

export const updateProjectSchema = z.object({ projectId: id, ...projectFields }).superRefine(refineDateRange);
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const moveProjectSchema = z.object({
  projectId: id,
  to: z.enum(PROJECT_STATUSES, { message: 'Choose a status' }),
  /** The status the page showed; when the project moved meanwhile the change is refused. */
  from: z.enum(PROJECT_STATUSES).optional(),
});
export type MoveProjectInput = z.input<typeof moveProjectSchema>;

// ---------------------------------------------------------------------------------------------
// Tickets

export const setTicketStatusSchema = z.object({
  ticketId: id,
  status: z.enum(TICKET_STATUSES, { message: 'Choose a status' }),
});
export type SetTicketStatusInput = z.input<typeof setTicketStatusSchema>;

// ---------------------------------------------------------------------------------------------
// Staff and users (SUPER_ADMIN)

export const inviteStaffSchema = z.object({
  email,
  name: requiredName,
  role: z.enum(STAFF_ROLE_VALUES, { message: 'Choose ADMIN or SUPER_ADMIN' }),
});
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

export const changeRoleSchema = z.object({
  userId: id,
  role: z.enum(ROLES, { message: 'Choose a role' }),
});
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const deleteUserSchema = z.object({
  userId: id,
  confirmEmail: text().trim().toLowerCase().min(1, 'Type the email address of the account'),
});
export type DeleteUserInput = z.input<typeof deleteUserSchema>;
