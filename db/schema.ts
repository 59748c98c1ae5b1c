import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// Table, column, enum and index names follow ../shared/spec/portal-database-schema.md.
// Timestamps are `timestamptz` so that comparisons with now() never depend on the server's zone
// (docs/decisions/002-schema-extensions.md). `updated_at` and the lower-cased email are kept by
// triggers (migration 0003), so raw SQL updates keep them right as well as drizzle ones.

export const roleEnum = pgEnum('role', ['CLIENT', 'ADMIN', 'SUPER_ADMIN']);
export const projectStatusEnum = pgEnum('project_status', [
  'PENDING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'CANCELLED',
]);
export const projectTypeEnum = pgEnum('project_type', [
  'WEBSITE',
  'E_COMMERCE',
  'WEB_APP',
  'MOBILE_APP',
  'BRANDING',
  'MARKETING',
  'OTHER',
]);
export const ticketStatusEnum = pgEnum('ticket_status', ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']);
export const commentSenderEnum = pgEnum('comment_sender', ['CLIENT', 'ADMIN']);
export const tokenPurposeEnum = pgEnum('token_purpose', ['VERIFY', 'INVITE', 'EMAIL_CHANGE']);
export const outboxStatusEnum = pgEnum('outbox_status', ['PENDING', 'SENT', 'DEAD']);
// Collaboration (issue 8).
export const ticketPriorityEnum = pgEnum('ticket_priority', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']);
export const notificationKindEnum = pgEnum('notification_kind', [
  'TICKET_CREATED',
  'TICKET_REPLY',
  'TICKET_STATUS',
  'TICKET_ASSIGNED',
  'PROJECT_REQUESTED',
  'PROJECT_STATUS',
]);

const id = () =>
  text('id')
    .primaryKey()
    .default(sql`gen_random_uuid()::text`);
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').defaultNow().notNull();
const updatedAt = () => ts('updated_at').defaultNow().notNull();

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name'),
    company: text('company'),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastLoggedIn: ts('last_logged_in'),
    role: roleEnum('role').default('CLIENT').notNull(),
    emailVerified: boolean('email_verified').default(false).notNull(),
    active: boolean('active').default(true).notNull(),
    // Bumped to end every session of the user (reset, deactivation, role change).
    sessionVersion: integer('session_version').default(0).notNull(),
  },
  (t) => [
    index('idx_users_email').on(t.email),
    index('idx_users_role').on(t.role),
    index('idx_users_active').on(t.active),
    // Staff client search (db/queries/search.ts clientIdsMatching, decision 013). From 3
    // characters, ILIKE '%term%' on name, email or company: trigram GIN, one index for the three
    // columns, read by one UNION branch per column (0011 creates pg_trgm).
    index('idx_users_search_trgm').using(
      'gin',
      t.name.op('gin_trgm_ops'),
      t.email.op('gin_trgm_ops'),
      t.company.op('gin_trgm_ops'),
    ),
    // 1 or 2 characters have no trigram: lower(column) LIKE 'te%' instead, one btree range each.
    // text_pattern_ops compares byte-wise, so LIKE can use it whatever the database's collation.
    index('idx_users_name_prefix').on(sql`lower(${t.name}) text_pattern_ops`),
    index('idx_users_email_prefix').on(sql`lower(${t.email}) text_pattern_ops`),
    index('idx_users_company_prefix').on(sql`lower(${t.company}) text_pattern_ops`),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description'),
    status: projectStatusEnum('status').default('PENDING').notNull(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startDate: ts('start_date'),
    endDate: ts('end_date'),
    type: projectTypeEnum('type').notNull(),
    budget: real('budget'),
    requirements: text('requirements'),
  },
  (t) => [
    index('idx_projects_client_id').on(t.clientId),
    index('idx_projects_status').on(t.status),
    index('idx_projects_type').on(t.type),
    index('idx_projects_client_status').on(t.clientId, t.status),
    // The staff list's four sorts (db/queries/projects.ts projectSort), key then id as its keyset
    // orders them, so a page reads 26 index entries instead of sorting every project (50,000 at
    // the bench's large scale: 30 ms; decision 008, thirteenth round). The expressions are the
    // sorts' own, written the same way, or the planner cannot match them.
    index('idx_projects_updated_at').on(t.updatedAt, t.id),
    index('idx_projects_created_at').on(t.createdAt, t.id),
    index('idx_projects_title_lower').on(sql`lower(${t.title})`, t.id),
    index('idx_projects_start').on(sql`coalesce(${t.startDate}, '9999-12-31T00:00:00Z'::timestamptz)`, t.id),
  ],
);

export const supportTickets = pgTable(
  'support_tickets',
  {
    id: id(),
    // Filled by next_ticket_number() (migration 0002): T-000123, unique under concurrency.
    ticketNumber: text('ticket_number')
      .notNull()
      .unique()
      .default(sql`next_ticket_number()`),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: ticketStatusEnum('status').default('OPEN').notNull(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastRepliedAt: ts('last_replied_at'),
    priority: ticketPriorityEnum('priority').default('MEDIUM').notNull(),
    // The staff member the ticket is assigned to (null: unassigned).
    assignedTo: text('assigned_to').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('idx_support_tickets_client_id').on(t.clientId),
    index('idx_support_tickets_status_priority').on(t.status, t.priority),
    index('idx_support_tickets_assigned_to').on(t.assignedTo, t.status),
    index('idx_support_tickets_status').on(t.status),
    index('idx_support_tickets_ticket_number').on(t.ticketNumber),
    index('idx_tickets_client_status').on(t.clientId, t.status),
    index('idx_support_tickets_project_id').on(t.projectId),
    // Keyset lists in "latest activity" order (db/queries/tickets.ts, docs/decisions/008-performance.md):
    // a client's tickets, and the staff queue filtered by status, read 25 rows in index order
    // instead of sorting every matching ticket.
    index('idx_support_tickets_client_activity').on(t.clientId, sql`coalesce(${t.lastRepliedAt}, ${t.createdAt})`, t.id),
    index('idx_support_tickets_status_activity').on(t.status, sql`coalesce(${t.lastRepliedAt}, ${t.createdAt})`, t.id),
    // A client's tickets of one status in activity order (the dashboard's "waiting for your reply",
    // longest waiting first): without it the planner walks the client's whole history.
    index('idx_support_tickets_client_status_activity').on(
      t.clientId,
      t.status,
      sql`coalesce(${t.lastRepliedAt}, ${t.createdAt})`,
      t.id,
    ),
    // Time windows of the staff dashboard (db/queries/stats.ts: tickets opened / resolved in the
    // last 30 days) and the "created" sort of the staff queue.
    index('idx_support_tickets_created_at').on(t.createdAt, t.id),
    // The queue's priority order (db/queries/tickets.ts ticketSort 'priority'; the function is
    // migration 0015), per status as the queue's tabs filter it (decision 008, thirteenth round).
    index('idx_support_tickets_status_priority_key').on(
      t.status,
      sql`(ticket_priority_key(${t.priority}, ${t.lastRepliedAt}, ${t.createdAt}) collate "C")`,
      t.id,
    ),
    index('idx_support_tickets_updated_at').on(t.updatedAt),
  ],
);

export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: id(),
    content: text('content').notNull(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => supportTickets.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sender: commentSenderEnum('sender').notNull(),
    // Staff-only note: never shown, counted, mailed or notified to the client.
    internal: boolean('internal').default(false).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('idx_ticket_comments_ticket_id').on(t.ticketId),
    index('idx_ticket_comments_user_id').on(t.userId),
    index('idx_ticket_comments_created_at').on(t.createdAt),
    // A ticket page's window of its thread (listThread): newest first from a keyset edge.
    index('idx_ticket_comments_ticket_created').on(t.ticketId, t.createdAt, t.id),
  ],
);

// `token` holds the SHA-256 (hex) of the emailed token, never the token itself.
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    token: text('token').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    used: boolean('used').default(false).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_password_resets_token').on(t.token),
    index('idx_password_resets_user_id').on(t.userId),
    index('idx_password_resets_expires_at').on(t.expiresAt),
  ],
);

// Also carries invitations and email changes (`purpose`, `new_email`): the same single-use,
// hashed, expiring token rules apply to all three.
export const emailVerifications = pgTable(
  'email_verifications',
  {
    id: id(),
    token: text('token').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    used: boolean('used').default(false).notNull(),
    createdAt: createdAt(),
    purpose: tokenPurposeEnum('purpose').default('VERIFY').notNull(),
    newEmail: text('new_email'),
  },
  (t) => [
    index('idx_email_verifications_token').on(t.token),
    index('idx_email_verifications_user_id').on(t.userId),
    index('idx_email_verifications_expires_at').on(t.expiresAt),
  ],
);

// Every mail is first a row here, written in the transaction of the change it reports.
// `secret` is the encrypted token link (AES-256-GCM, key from AUTH_SECRET), erased once sent.
// The id doubles as Resend's Idempotency-Key, so a retry never sends twice.
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    // Rendered at enqueue time. A token link appears only as a placeholder here; the link itself
    // is in `secret`, encrypted, and is put back into the body at send time.
    html: text('html').notNull(),
    text: text('text').notNull(),
    secret: text('secret'),
    status: outboxStatusEnum('status').default('PENDING').notNull(),
    attempts: integer('attempts').default(0).notNull(),
    nextAttemptAt: ts('next_attempt_at').defaultNow().notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('idx_email_outbox_status_next').on(t.status, t.nextAttemptAt)],
);

// Fixed-window counters shared by every app instance (lib/rate-limit.ts).
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [index('idx_rate_limits_reset_at').on(t.resetAt)],
);

// In-app notifications (the bell). Written in the transaction of the change they report.
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum('kind').notNull(),
    ticketId: text('ticket_id').references(() => supportTickets.id, { onDelete: 'cascade' }),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('idx_notifications_user_read_created').on(t.userId, t.readAt, t.createdAt.desc())],
);

// Which notification kinds also come by mail. No row → the default (mail on).
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum('kind').notNull(),
    email: boolean('email').default(true).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// Idempotency keys of the forms that create rows (docs/decisions/010-idempotency-keys.md): the
// form sends a random key once per form instance; the key is claimed in the transaction that
// creates the row, so the same submission posted twice (double click, a retry after a lost
// answer, two tabs) creates one row and the second answer replays the first. Purged by cleanup.
export const formSubmissions = pgTable(
  'form_submissions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    entityType: text('entity_type').notNull(),
    // Set in the same transaction, right after the row is created.
    entityId: text('entity_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idx_form_submissions_created_at').on(t.createdAt)],
);

// Append-only audit trail (db/queries/activity.ts), written in the transaction of the change.
export const activityLog = pgTable(
  'activity_log',
  {
    id: id(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_activity_log_entity').on(t.entityType, t.entityId, t.createdAt),
    index('idx_activity_log_actor').on(t.actorId, t.createdAt),
    index('idx_activity_log_action').on(t.action, t.createdAt),
    // /admin/activity's newest-first order (and its date range) without sorting the whole log.
    index('idx_activity_log_created_at').on(t.createdAt, t.id),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  projects: many(projects),
  supportTickets: many(supportTickets),
  ticketComments: many(ticketComments),
  passwordResets: many(passwordResets),
  emailVerifications: many(emailVerifications),
}));

export const projectsRelations = relations(projects, ({ one, many }) => ({
  client: one(users, { fields: [projects.clientId], references: [users.id] }),
  supportTickets: many(supportTickets),
}));

export const supportTicketsRelations = relations(supportTickets, ({ one, many }) => ({
  client: one(users, { fields: [supportTickets.clientId], references: [users.id] }),
  project: one(projects, { fields: [supportTickets.projectId], references: [projects.id] }),
  comments: many(ticketComments),
}));

export const ticketCommentsRelations = relations(ticketComments, ({ one }) => ({
  ticket: one(supportTickets, { fields: [ticketComments.ticketId], references: [supportTickets.id] }),
  user: one(users, { fields: [ticketComments.userId], references: [users.id] }),
}));

export const passwordResetsRelations = relations(passwordResets, ({ one }) => ({
  user: one(users, { fields: [passwordResets.userId], references: [users.id] }),
}));

export const emailVerificationsRelations = relations(emailVerifications, ({ one }) => ({
  user: one(users, { fields: [emailVerifications.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Project = typeof projects.$inferSelect;
export type ProjectStatus = (typeof projectStatusEnum.enumValues)[number];
export type ProjectType = (typeof projectTypeEnum.enumValues)[number];
export type SupportTicket = typeof supportTickets.$inferSelect;
export type TicketStatus = (typeof ticketStatusEnum.enumValues)[number];
export type TicketComment = typeof ticketComments.$inferSelect;
export type CommentSender = (typeof commentSenderEnum.enumValues)[number];
export type TicketPriority = (typeof ticketPriorityEnum.enumValues)[number];
export type NotificationKind = (typeof notificationKindEnum.enumValues)[number];
export type Notification = typeof notifications.$inferSelect;
export type ActivityLogRow = typeof activityLog.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
