import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { text } from '@/lib/validation/text';
import { db, type DbOrTx } from '@/db';
import { notificationPreferences, notifications, projects, supportTickets, users } from '@/db/schema';
import type { NotificationKind, Role } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { isStaff } from '@/lib/auth/roles';
import { NotFoundError } from '@/lib/action-result';
import { env } from '@/lib/env';
import {
  CLIENT_NOTIFICATION_KINDS,
  NOTIFICATION_KIND_VALUES,
  STAFF_NOTIFICATION_KINDS,
  notificationPreferencesSchema,
} from '@/lib/validation/collab';

// In-app notifications (the bell) and the per-kind mail preferences (issue 8). Notifications are
// written by the data-access functions of the change they report, in the same transaction
// (`notify(tx, …)`). A user reads and marks only their own rows.

type ViewerLike = Pick<Viewer, 'id' | 'role'>;

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  ticketId?: string | null;
  projectId?: string | null;
  title: string;
  body?: string | null;
};

/** Inserts notifications inside the caller's transaction (no-op for an empty list). */
export async function notify(tx: DbOrTx, items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(notifications).values(
    items.map((n) => ({
      userId: n.userId,
      kind: n.kind,
      ticketId: n.ticketId ?? null,
      projectId: n.projectId ?? null,
      title: n.title.slice(0, 300),
      body: n.body ? n.body.slice(0, 500) : null,
    })),
  );
}

/** Every active staff member (ADMIN, SUPER_ADMIN): the audience of "new ticket" and the like. */
export async function activeStaff(tx: DbOrTx): Promise<{ id: string; email: string; name: string | null }[]> {
  return tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.role, ['ADMIN', 'SUPER_ADMIN']), eq(users.active, true)));
}

/**
 * The addresses among `emails` whose account turned mail off for `kind` (no preference row:
 * mail stays on). An address with no account (e.g. AGENCY_NOTIFY_EMAIL) is never opted out.
 */
/**
 * Who hears by mail about client activity of this kind (a new project request, a new ticket, a
 * client reply): AGENCY_NOTIFY_EMAIL when it is set, else every active ADMIN and SUPER_ADMIN,
 * minus those who turned this kind off. Read inside the caller's transaction, so the list matches
 * the change it reports.
 */
export async function staffMailRecipients(tx: DbOrTx, kind: NotificationKind): Promise<string[]> {
  const shared = env().AGENCY_NOTIFY_EMAIL;
  const addresses = shared ? [shared] : [...new Set((await activeStaff(tx)).map((s) => s.email))].sort();
  const optedOut = await mailOptOuts(tx, kind, addresses);
  return addresses.filter((a) => !optedOut.has(a));
}

export async function mailOptOuts(tx: DbOrTx, kind: NotificationKind, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx
    .select({ email: users.email })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(
      and(
        eq(notificationPreferences.kind, kind),
        eq(notificationPreferences.email, false),
        inArray(users.email, emails),
      ),
    );
  return new Set(rows.map((r) => r.email));
}

/** Whether one user wants mail for `kind` (default: yes). */
export async function wantsMail(tx: DbOrTx, userId: string, kind: NotificationKind): Promise<boolean> {
  const [row] = await tx
    .select({ email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .limit(1);
  return row ? row.email : true;
}

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  readAt: Date | null;
  createdAt: Date;
  /** Where it leads, for the viewer's side (/tickets/T-… or /admin/tickets/T-…, or a project). */
  href: string | null;
};

function linkFor(role: Role, ticketNumber: string | null, projectId: string | null): string | null {
  const staff = isStaff(role);
  if (ticketNumber) return staff ? `/admin/tickets/${ticketNumber}` : `/tickets/${ticketNumber}`;
  if (projectId) return staff ? `/admin/projects/${projectId}` : `/projects/${projectId}`;
  return null;
}

// The columns of a notification as the bell and /notifications show it, and its link.
const ITEM_COLUMNS = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
  ticketNumber: supportTickets.ticketNumber,
  projectId: notifications.projectId,
};

function toItem(
  viewer: ViewerLike,
  r: { id: string; kind: NotificationItem['kind']; title: string; body: string | null; readAt: Date | null; createdAt: Date; ticketNumber: string | null; projectId: string | null },
): NotificationItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    readAt: r.readAt,
    createdAt: r.createdAt,
    href: linkFor(viewer.role, r.ticketNumber, r.projectId),
  };
}

/** The viewer's notifications, newest first. */
export async function listNotifications(
  viewer: ViewerLike,
  params: { limit?: number; unreadOnly?: boolean } = {},
): Promise<NotificationItem[]> {
  const limit = Math.min(Math.max(params.limit ?? 20, 1), 100);
  const rows = await db
    .select(ITEM_COLUMNS)
    .from(notifications)
    .leftJoin(supportTickets, eq(supportTickets.id, notifications.ticketId))
    .where(and(eq(notifications.userId, viewer.id), params.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => toItem(viewer, r));
}

/**
 * The header bell on every page: the unread count and the latest notifications in ONE statement
 * (the count rides along as a scalar subquery on each row), so the bell costs one round trip per
 * page instead of two. No rows at all means no notifications, hence nothing unread.
 */
export async function notificationBell(
  viewer: ViewerLike,
  limit = 8,
): Promise<{ unread: number; items: NotificationItem[] }> {
  const rows = await db
    .select({
      ...ITEM_COLUMNS,
      unread: sql<number>`(select count(*)::int from ${notifications} n
        where n.user_id = ${viewer.id} and n.read_at is null)`.mapWith(Number),
    })
    .from(notifications)
    .leftJoin(supportTickets, eq(supportTickets.id, notifications.ticketId))
    .where(eq(notifications.userId, viewer.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(Math.max(limit, 1), 100));
  return {
    unread: rows[0]?.unread ?? 0,
    items: rows.map((r) => toItem(viewer, r)),
  };
}

export async function unreadNotificationCount(viewer: ViewerLike): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the viewer's own notifications read; another user's id is a NotFoundError. */
export async function markNotificationRead(viewer: ViewerLike, id: unknown): Promise<void> {
  const nid = text().trim().min(1).max(200).parse(id);
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, nid), eq(notifications.userId, viewer.id)))
    .returning({ id: notifications.id });
  if (rows.length === 0) throw new NotFoundError();
}

/** Marks every unread notification of the viewer read; returns how many. */
export async function markAllNotificationsRead(viewer: ViewerLike): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The kinds this viewer can receive, each with its mail choice (default on). */
export async function getNotificationPreferences(
  viewer: ViewerLike,
): Promise<{ kind: NotificationKind; email: boolean }[]> {
  const kinds: readonly NotificationKind[] = isStaff(viewer.role) ? STAFF_NOTIFICATION_KINDS : CLIENT_NOTIFICATION_KINDS;
  const rows = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, viewer.id));
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return kinds.map((kind) => ({ kind, email: chosen.get(kind) ?? true }));
}

/** Saves the viewer's mail choices (only kinds their side can receive). */
export async function setNotificationPreferences(viewer: ViewerLike, input: unknown): Promise<void> {
  const data = notificationPreferencesSchema.parse(input);
  const allowed = new Set<NotificationKind>(isStaff(viewer.role) ? STAFF_NOTIFICATION_KINDS : CLIENT_NOTIFICATION_KINDS);
  const values = NOTIFICATION_KIND_VALUES.filter((k) => allowed.has(k) && typeof data.email[k] === 'boolean').map((kind) => ({
    userId: viewer.id,
    kind,
    email: data.email[kind] as boolean,
  }));
  if (values.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { email: sql`excluded.email` },
    });
}

/** For the project notifications: the project's client (id, email, active). */
export async function projectClient(tx: DbOrTx, projectId: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, active: users.active })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.clientId))
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}
