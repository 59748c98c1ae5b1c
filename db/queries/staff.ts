import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { emailOutbox, users, type Role } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { inviteUser } from '@/lib/auth/invitations';
import { endSessions } from '@/lib/auth/revocation';
import type { Viewer } from '@/lib/auth/session';
import { userIdsContaining } from './search';
import { ACTIONS, logActivity, type ActivityContext } from './activity';
import {
  changeRoleSchema,
  deleteUserSchema,
  inviteStaffSchema,
  PAGE_SIZE,
  setActiveSchema,
  userIdSchema,
  userListSchema,
} from '@/lib/validation/admin';

// Staff management (/admin/users) — SUPER_ADMIN only — and the role guards the other admin
// modules share. Every guard is enforced here, inside the transaction that makes the change:
// the active SUPER_ADMIN rows are locked FOR UPDATE (in id order, so two transactions never
// deadlock) before anything is checked, so two concurrent demotions serialize and the second one
// sees the first one's result.

// ---------------------------------------------------------------------------------------------
// Guards and small helpers shared by the admin modules (clients, admin-projects, admin-tickets,
// stats).

const STAFF: readonly Role[] = ['ADMIN', 'SUPER_ADMIN'];

/** ADMIN or SUPER_ADMIN, else the resource "does not exist" (404, never 403). */
export function assertStaff(viewer: Pick<Viewer, 'role'> | null | undefined): void {
  if (!viewer || !STAFF.includes(viewer.role)) throw new NotFoundError();
}

/** SUPER_ADMIN only. */
export function assertSuperAdmin(viewer: Pick<Viewer, 'role'> | null | undefined): void {
  if (!viewer || viewer.role !== 'SUPER_ADMIN') throw new NotFoundError();
}

export type Page<T> = {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

export function toPage<T>(rows: T[], total: number, page: number): Page<T> {
  return { rows, total, page, pageSize: PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

// ---------------------------------------------------------------------------------------------
// Listing

export type UserRow = {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  role: Role;
  active: boolean;
  emailVerified: boolean;
  invitePending: boolean;
  createdAt: Date;
  lastLoggedIn: Date | null;
};

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  company: users.company,
  role: users.role,
  active: users.active,
  emailVerified: users.emailVerified,
  invitePending: sql<boolean>`(${users.passwordHash} is null)`.as('invite_pending'),
  createdAt: users.createdAt,
  lastLoggedIn: users.lastLoggedIn,
};

/** The /admin/users list's statement (for listUsers, and for the plan test), and its filter. */
export function userListQuery(input: unknown) {
  const q = userListSchema.parse(input ?? {});
  const filters: SQL[] = [];
  if (q.role === 'staff') filters.push(inArray(users.role, ['ADMIN', 'SUPER_ADMIN']));
  if (q.role === 'clients') filters.push(eq(users.role, 'CLIENT'));
  // The search by id, from the trigram index (db/queries/search.ts): 2 ms against 7 ms for an
  // OR of three ILIKEs over 5,000 accounts, done twice a page (the list and the tab counts).
  if (q.q) filters.push(sql`${users.id} in ${userIdsContaining(q.q)}`);
  const where = filters.length ? and(...filters) : undefined;
  const query = db
    .select({ ...userColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(users)
    .where(where)
    .orderBy(
      sql`case ${users.role} when 'SUPER_ADMIN' then 0 when 'ADMIN' then 1 else 2 end`,
      sql`lower(coalesce(${users.name}, ${users.email}))`,
      asc(users.id),
    )
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE);
  return { q, where, query };
}

/**
 * Accounts for /admin/users: staff (default), clients or everyone; search by name, email or
 * company; 25 a page with the total (idx_users_role). SUPER_ADMIN only.
 */
export async function listUsers(viewer: Viewer, input: unknown): Promise<Page<UserRow>> {
  assertSuperAdmin(viewer);
  const { q, where, query } = userListQuery(input);
  const rows = await query;
  const total = rows[0]?.total ?? (q.page > 1 ? await countUsers(where) : 0);
  return toPage(
    rows.map(({ total, ...r }) => (void total, r)),
    total,
    q.page,
  );
}

async function countUsers(where: SQL | undefined): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users).where(where);
  return r?.n ?? 0;
}

/** Account counts for the tabs of /admin/users (with the same search): one grouped statement. */
export async function userCounts(
  viewer: Viewer,
  input: unknown,
): Promise<{ staff: number; clients: number; all: number }> {
  assertSuperAdmin(viewer);
  const q = userListSchema.parse(input ?? {});

  const [r] = await db
    .select({
      staff: sql<number>`count(*) filter (where ${users.role} <> 'CLIENT')`.mapWith(Number),
      clients: sql<number>`count(*) filter (where ${users.role} = 'CLIENT')`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(users)
    .where(q.q ? sql`${users.id} in ${userIdsContaining(q.q)}` : undefined);
  return { staff: r?.staff ?? 0, clients: r?.clients ?? 0, all: r?.all ?? 0 };
}

/** How many active SUPER_ADMIN accounts exist (for the page's hints; the guards lock instead). */
export async function countActiveSuperAdmins(viewer: Viewer): Promise<number> {
  assertSuperAdmin(viewer);
  const [r] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.role, 'SUPER_ADMIN'), eq(users.active, true)));
  return r?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Invites a staff member (ADMIN or SUPER_ADMIN): a passwordless account and a 7-day link. */
export async function inviteStaff(viewer: Viewer, input: unknown): Promise<{ userId: string }> {
  assertSuperAdmin(viewer);
  const data = inviteStaffSchema.parse(input);
  return inviteUser(viewer, { email: data.email, role: data.role, name: data.name });
}

type LockedTarget = { id: string; email: string; name: string | null; role: Role; active: boolean };

/**
 * Locks the active SUPER_ADMIN rows and the target row, then applies the guards shared by role
 * changes, deactivation and deletion:
 *  - the target exists (else NotFoundError);
 *  - nobody acts on their own account;
 *  - the last active SUPER_ADMIN keeps that role and stays (when `removesSuperAdmin`);
 *  - the actor is still an active SUPER_ADMIN at this moment (a concurrent demotion of the actor
 *    is seen here), else NotFoundError.
 */
async function lockAndGuard(
  tx: Tx,
  viewer: Viewer,
  targetId: string,
  action: 'role' | 'deactivate' | 'delete' | 'reactivate',
  removesSuperAdmin: (target: LockedTarget) => boolean,
): Promise<LockedTarget> {
  const supers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'SUPER_ADMIN'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  const [target] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, targetId))
    .for('update');
  if (!target) throw new NotFoundError('No such user.');

  if (target.id === viewer.id) {
    const what = {
      role: 'change your own role',
      deactivate: 'deactivate your own account',
      reactivate: 'reactivate your own account',
      delete: 'delete your own account',
    }[action];
    throw new UserError(`You cannot ${what}. Ask another super admin.`);
  }

  const superIds = supers.map((s) => s.id);
  if (superIds.includes(target.id) && removesSuperAdmin(target) && superIds.length <= 1) {
    const what = { role: 'demoted', deactivate: 'deactivated', delete: 'deleted', reactivate: 'changed' }[action];
    throw new UserError(`${target.email} is the last active super admin and cannot be ${what}.`);
  }

  if (!superIds.includes(viewer.id)) throw new NotFoundError();
  return target;
}

/** Changes any user's role (a client may be promoted). Their sessions end. */
export async function changeUserRole(
  viewer: Viewer,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ userId: string; from: Role; to: Role; changed: boolean }> {
  assertSuperAdmin(viewer);
  const data = changeRoleSchema.parse(input);
  return db.transaction(async (tx) => {
    const target = await lockAndGuard(tx, viewer, data.userId, 'role', () => data.role !== 'SUPER_ADMIN');
    if (target.role === data.role) return { userId: target.id, from: target.role, to: data.role, changed: false };
    await tx.update(users).set({ role: data.role }).where(eq(users.id, target.id));
    await endSessions(tx, target.id);
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.userRoleChanged,
      entityType: 'user',
      entityId: target.id,
      details: { email: target.email, from: target.role, to: data.role },
    });
    return { userId: target.id, from: target.role, to: data.role, changed: true };
  });
}

/** Deactivates (sessions end) or reactivates any account other than the actor's own. */
export async function setUserActive(
  viewer: Viewer,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ userId: string; active: boolean; changed: boolean }> {
  assertSuperAdmin(viewer);
  const data = setActiveSchema.parse(input);
  return db.transaction(async (tx) => {
    const target = await lockAndGuard(
      tx,
      viewer,
      data.userId,
      data.active ? 'reactivate' : 'deactivate',
      () => !data.active,
    );
    if (target.active === data.active) return { userId: target.id, active: data.active, changed: false };
    await tx.update(users).set({ active: data.active }).where(eq(users.id, target.id));
    if (!data.active) await endSessions(tx, target.id);
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.userActivationChanged,
      entityType: 'user',
      entityId: target.id,
      details: { email: target.email, active: data.active },
    });
    return { userId: target.id, active: data.active, changed: true };
  });
}

export type DeletionImpact = {
  /** Their projects (projects.client_id, ON DELETE CASCADE). */
  projects: number;
  /** Their tickets (support_tickets.client_id, CASCADE). */
  tickets: number;
  /** Comments they wrote plus every comment on their tickets (both CASCADE). */
  comments: number;
  /** Password-reset, verification and invitation tokens (CASCADE). */
  tokens: number;
  /** Other clients' tickets that point at one of their projects: they lose the link (SET NULL). */
  unlinkedTickets: number;
  /** Mail to their address still in the outbox (removed with the account). */
  mails: number;
};

async function impactOf(tx: Tx | typeof db, userId: string, email: string): Promise<DeletionImpact> {
  const result = await tx.execute<{
    projects: number;
    tickets: number;
    comments: number;
    tokens: number;
    unlinked_tickets: number;
    mails: number;
  }>(sql`
    select
      (select count(*) from projects where client_id = ${userId})::int as projects,
      (select count(*) from support_tickets where client_id = ${userId})::int as tickets,
      (select count(*) from ticket_comments c
         where c.user_id = ${userId}
            or c.ticket_id in (select id from support_tickets where client_id = ${userId}))::int as comments,
      ((select count(*) from password_resets where user_id = ${userId})
        + (select count(*) from email_verifications where user_id = ${userId}))::int as tokens,
      (select count(*) from support_tickets t
         where t.client_id <> ${userId}
           and t.project_id in (select id from projects where client_id = ${userId}))::int as unlinked_tickets,
      (select count(*) from email_outbox where to_address = ${email})::int as mails
  `);
  const r = result.rows[0]!;
  return {
    projects: Number(r.projects),
    tickets: Number(r.tickets),
    comments: Number(r.comments),
    tokens: Number(r.tokens),
    unlinkedTickets: Number(r.unlinked_tickets),
    mails: Number(r.mails),
  };
}

export type DeletionPreview = {
  user: { id: string; email: string; name: string | null; role: Role; active: boolean };
  impact: DeletionImpact;
};

/** What a hard delete of this user takes with it (shown before the email is typed). */
export async function getDeletionPreview(viewer: Viewer, input: unknown): Promise<DeletionPreview> {
  assertSuperAdmin(viewer);
  const { userId } = userIdSchema.parse(input);
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFoundError('No such user.');
  return { user, impact: await impactOf(db, user.id, user.email) };
}

/**
 * Deletes a user and everything that cascades from them, once the actor has typed the account's
 * email. Same guards as the other changes.
 */
export async function deleteUser(
  viewer: Viewer,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ userId: string; email: string; impact: DeletionImpact }> {
  assertSuperAdmin(viewer);
  const data = deleteUserSchema.parse(input);
  return db.transaction(async (tx) => {
    const target = await lockAndGuard(tx, viewer, data.userId, 'delete', () => true);
    if (data.confirmEmail !== target.email) {
      throw new UserError('The email does not match this account.', {
        confirmEmail: [`Type ${target.email} to confirm`],
      });
    }
    const impact = await impactOf(tx, target.id, target.email);
    await tx.delete(emailOutbox).where(eq(emailOutbox.toAddress, target.email));
    await tx.delete(users).where(eq(users.id, target.id));
    await logActivity(tx, {
      ...ctx,
      actorId: viewer.id,
      action: ACTIONS.userDeleted,
      entityType: 'user',
      entityId: target.id,
      details: { email: target.email, role: target.role, impact },
    });
    return { userId: target.id, email: target.email, impact };
  });
}
