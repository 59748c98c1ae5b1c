import 'server-only';
import { and, asc, desc, eq, ilike, ne, sql, type SQL } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { users } from '@/db/schema';
import { NotFoundError, UserError } from '@/lib/action-result';
import { inviteUser, resendInvitation, resendVerification } from '@/lib/auth/invitations';
import { endSessions } from '@/lib/auth/revocation';
import type { Viewer } from '@/lib/auth/session';
import {
  clientListSchema,
  inviteClientSchema,
  PAGE_SIZE,
  setActiveSchema,
  updateClientSchema,
  userIdSchema,
} from '@/lib/validation/admin';
import { assertStaff, toPage, type Page } from './staff';
import { likePattern } from './search';
import { voidPasswordResets } from './accounts';
import { ACTIONS, logActivity, type ActivityContext } from './activity';

// Client accounts as staff (ADMIN and SUPER_ADMIN) see them in /admin/clients. Every function
// takes the viewer first, refuses anyone but staff (NotFoundError), and only ever matches rows
// whose role is CLIENT: staff accounts are managed in ./staff.ts, by SUPER_ADMINs only.

export type ClientRow = {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  active: boolean;
  emailVerified: boolean;
  /** Invited, never accepted (no password yet). */
  invitePending: boolean;
  createdAt: Date;
  lastLoggedIn: Date | null;
  projectCount: number;
  /** OPEN + PENDING tickets. */
  activeTicketCount: number;
};

const invitePending = sql<boolean>`(${users.passwordHash} is null)`;
/** The columns of a ClientRow that are plain columns of users (the list's and the profile's). */
const clientColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  company: users.company,
  active: users.active,
  emailVerified: users.emailVerified,
  createdAt: users.createdAt,
  lastLoggedIn: users.lastLoggedIn,
};
// Correlated counts in the same statement (idx_projects_client_id, idx_tickets_client_status):
// one query for the whole page, never one per row. The outer column is written qualified by
// hand: drizzle renders ${users.id} unqualified in a single-table select, and inside the
// subquery "id" would then mean the subquery's own table.
const projectCount = sql<number>`(select count(*) from projects p where p.client_id = "users"."id")`.mapWith(Number);
// Active = OPEN + PENDING, counted as two index ranges of (client_id, status): with
// `status in (…)` the planner read every ticket of the client and filtered them (0.08 ms a row).
const activeTicketCount = sql<number>`((select count(*) from support_tickets t where t.client_id = "users"."id" and t.status = 'OPEN')
  + (select count(*) from support_tickets t where t.client_id = "users"."id" and t.status = 'PENDING'))`.mapWith(Number);

/** Clients: search by name, email or company; filter active / verified; sort; 25 a page with the total. */
export async function listClients(viewer: Viewer, input: unknown): Promise<Page<ClientRow>> {
  assertStaff(viewer);
  const q = clientListSchema.parse(input ?? {});
  const filters: SQL[] = [eq(users.role, 'CLIENT')];
  if (q.active !== 'all') filters.push(eq(users.active, q.active === 'active'));
  if (q.verified !== 'all') filters.push(eq(users.emailVerified, q.verified === 'verified'));

  // The matching clients, as a subquery. A search is a UNION of one branch per column, each
  // answered by the trigram index idx_users_search_trgm (0012), instead of one OR of three
  // ILIKEs: the planner prices ILIKE as cheap as "=", so for the OR it read and case-folded the
  // whole table (5,000 clients: 15 ms; the three branches: 2 ms at 250 matches). UNION (not
  // UNION ALL) keeps a client matching twice once: the rows are the same.
  // In a subquery an expression needs a name.
  const columns = { ...clientColumns, invitePending: invitePending.as('invite_pending') };
  const branch = (extra?: SQL) =>
    db
      .select(columns)
      .from(users)
      .where(and(...filters, extra));
  let source;
  if (q.q) {
    const p = likePattern(q.q);
    source = union(branch(ilike(users.name, p)), branch(ilike(users.email, p)), branch(ilike(users.company, p))).as('matches');
  } else {
    source = branch().as('matches');
  }
  const m = source;

  const dir = q.dir === 'asc' ? asc : desc;
  const nulls = sql`nulls last`; // missing names, companies and logins sort after the rest
  const order: SQL[] = {
    name: [sql`lower(${m.name}) ${sql.raw(q.dir)} ${nulls}`],
    email: [dir(m.email)],
    company: [sql`lower(${m.company}) ${sql.raw(q.dir)} ${nulls}`],
    created: [dir(m.createdAt)],
    last_login: [sql`${m.lastLoggedIn} ${sql.raw(q.dir)} ${nulls}`],
  }[q.sort];

  // Correlated counts (idx_projects_client_id, idx_tickets_client_status), computed for the
  // page's rows only (above the LIMIT): one statement for the whole page, never one per row.
  // "matches"."id" is written qualified by hand, as in projectCount above: drizzle renders
  // ${m.id} unqualified here, and inside the subquery "id" would mean the subquery's own table.
  const rows = await db
    .select({
      id: m.id,
      email: m.email,
      name: m.name,
      company: m.company,
      active: m.active,
      emailVerified: m.emailVerified,
      invitePending: m.invitePending,
      createdAt: m.createdAt,
      lastLoggedIn: m.lastLoggedIn,
      projectCount: sql<number>`(select count(*) from projects p where p.client_id = "matches"."id")`.mapWith(Number),
      activeTicketCount: sql<number>`((select count(*) from support_tickets t where t.client_id = "matches"."id" and t.status = 'OPEN')
        + (select count(*) from support_tickets t where t.client_id = "matches"."id" and t.status = 'PENDING'))`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(m)
    .orderBy(...order, asc(m.id))
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE);

  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.page > 1) {
    const [c] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(m);
    total = c?.n ?? 0;
  }
  return toPage(
    rows.map(({ total, ...r }) => (void total, r)),
    total,
    q.page,
  );
}

export type ClientProfile = ClientRow & { updatedAt: Date; ticketCount: number };

/** One client's profile with counts; NotFoundError for a missing id or a non-client account. */
export async function getClient(viewer: Viewer, input: unknown): Promise<ClientProfile> {
  assertStaff(viewer);
  const { userId } = userIdSchema.parse(typeof input === 'string' ? { userId: input } : input);
  const [row] = await db
    .select({
      ...clientColumns,
      invitePending,
      updatedAt: users.updatedAt,
      projectCount,
      activeTicketCount,
      ticketCount: sql<number>`(select count(*) from support_tickets t where t.client_id = "users"."id")`.mapWith(
        Number,
      ),
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, 'CLIENT')));
  if (!row) throw new NotFoundError('No such client.');
  return row;
}

/**
 * One client's id and label ("Name · Company"), or null for a missing id or a non-client account:
 * the staff lists name the client a `?clientId=` link narrows them to.
 */
export async function clientOption(
  viewer: Viewer,
  clientId: string,
): Promise<{ id: string; label: string; email: string } | null> {
  assertStaff(viewer);
  const [r] = await db
    .select({ id: users.id, name: users.name, company: users.company, email: users.email })
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.role, 'CLIENT')))
    .limit(1);
  if (!r) return null;
  return { id: r.id, email: r.email, label: [r.name ?? r.email, r.company].filter(Boolean).join(' · ') };
}

/** Invites a client: a passwordless account and a 7-day link to choose a password. */
export async function inviteClient(viewer: Viewer, input: unknown): Promise<{ userId: string }> {
  assertStaff(viewer);
  const data = inviteClientSchema.parse(input);
  return inviteUser(viewer, {
    email: data.email,
    role: 'CLIENT',
    name: data.name,
    company: data.company ?? undefined,
  });
}

export type UpdateClientResult = {
  emailChanged: boolean;
  /** What was mailed to the new address, if the email changed. */
  followUp: 'verification' | 'invitation' | null;
  /** Set when the follow-up mail could not be queued (the edit itself is saved). */
  followUpError?: string;
};

/**
 * Edits a client's name, company and email. A new email must be confirmed: the account is marked
 * unverified, its sessions end, and a verification link (or, for an invitation never accepted, a
 * fresh invitation) goes to the new address once the change is committed — so a typo never hands
 * the account's password resets to a stranger unnoticed.
 */
export async function updateClient(viewer: Viewer, input: unknown): Promise<UpdateClientResult> {
  assertStaff(viewer);
  const data = updateClientSchema.parse(input);
  const outcome = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: users.id, email: users.email, invitePending })
      .from(users)
      .where(and(eq(users.id, data.clientId), eq(users.role, 'CLIENT')))
      .for('update');
    if (!current) throw new NotFoundError('No such client.');

    const emailChanged = current.email !== data.email;
    if (emailChanged) {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, data.email), ne(users.id, current.id)));
      if (taken) {
        throw new UserError('Another account already uses this email.', {
          email: ['Another account already uses this email'],
        });
      }
    }
    try {
      await tx
        .update(users)
        .set({
          name: data.name,
          company: data.company,
          email: data.email,
          ...(emailChanged ? { emailVerified: false } : {}),
        })
        .where(eq(users.id, current.id));
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new UserError('Another account already uses this email.', {
          email: ['Another account already uses this email'],
        });
      }
      throw err;
    }
    if (emailChanged) {
      await endSessions(tx, current.id);
      // Reset links went to the old address: they must not work for the new one's account.
      await voidPasswordResets(tx, current.id);
    }
    return { emailChanged, invitePending: current.invitePending };
  });

  if (!outcome.emailChanged) return { emailChanged: false, followUp: null };
  const followUp = outcome.invitePending ? 'invitation' : 'verification';
  try {
    if (followUp === 'invitation') await resendInvitation(viewer, data.clientId);
    else await resendVerification(viewer, data.clientId);
    return { emailChanged: true, followUp };
  } catch (err) {
    const message = err instanceof Error ? err.message : 'The mail could not be queued.';
    return { emailChanged: true, followUp, followUpError: message };
  }
}

/** Deactivates (their sessions end at once) or reactivates a client. Staff never act on themselves. */
export async function setClientActive(
  viewer: Viewer,
  input: unknown,
  ctx: ActivityContext = {},
): Promise<{ userId: string; active: boolean; changed: boolean }> {
  assertStaff(viewer);
  const data = setActiveSchema.parse(input);
  if (data.userId === viewer.id) throw new UserError('You cannot deactivate your own account.');
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, active: users.active, email: users.email })
      .from(users)
      .where(and(eq(users.id, data.userId), eq(users.role, 'CLIENT')))
      .for('update');
    if (!target) throw new NotFoundError('No such client.');
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

async function clientState(userId: string) {
  const [row] = await db
    .select({ id: users.id, invitePending, emailVerified: users.emailVerified, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, 'CLIENT')));
  if (!row) throw new NotFoundError('No such client.');
  return row;
}

/** Sends a fresh invitation to a client who never accepted theirs. */
export async function resendClientInvitation(viewer: Viewer, input: unknown): Promise<void> {
  assertStaff(viewer);
  const { userId } = userIdSchema.parse(input);
  const client = await clientState(userId);
  if (!client.invitePending) throw new UserError('This client has already accepted the invitation.');
  await resendInvitation(viewer, userId);
}

/** Sends a fresh verification link to a client whose email is not verified yet. */
export async function resendClientVerification(viewer: Viewer, input: unknown): Promise<void> {
  assertStaff(viewer);
  const { userId } = userIdSchema.parse(input);
  const client = await clientState(userId);
  if (client.invitePending) throw new UserError('This client has not accepted the invitation yet: resend the invitation.');
  if (client.emailVerified) throw new UserError('This email address is already verified.');
  await resendVerification(viewer, userId);
}

function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
