// Test data factories (the contract in /tmp/team-contracts.md → Tests). Each writes through the
// real schema with sensible defaults; pass overrides for what a test cares about.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import {
  projects,
  supportTickets,
  ticketComments,
  users,
  type Project,
  type Role,
  type SupportTicket,
  type TicketComment,
  type User,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import type { Viewer } from '@/lib/auth/session';

/** The password of every factory user unless a test passes its own. */
export const TEST_PASSWORD = 'factory-password-2026';

/** The `Viewer` of `@/lib/auth/session` (id, email, name, company, role, emailVerified). */
export type TestViewer = Viewer;

type NewUser = typeof users.$inferInsert;
type NewProject = typeof projects.$inferInsert;
type NewTicket = typeof supportTickets.$inferInsert;
type NewComment = typeof ticketComments.$inferInsert;

let counter = 0;
/** A short token unique within the test file (and across files, thanks to the random part). */
export function uniqueSuffix(): string {
  counter += 1;
  return `${counter}-${randomBytes(3).toString('hex')}`;
}

// argon2 costs ~50 ms a hash: hash the default password once per test file.
let defaultHash: Promise<string> | undefined;
function hashFor(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(TEST_PASSWORD);
  return defaultHash;
}

export function toViewer(user: User): TestViewer {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    company: user.company,
    role: user.role,
    emailVerified: user.emailVerified,
  };
}

/**
 * Inserts a user: CLIENT, verified and active, with an argon2 hash of `password`
 * (default TEST_PASSWORD). Pass `passwordHash: null` for a passwordless (invited) account.
 */
export async function createUser(
  overrides: Partial<NewUser> & { password?: string } = {},
): Promise<{ user: User; viewer: TestViewer; password: string }> {
  const { password = TEST_PASSWORD, ...fields } = overrides;
  const role: Role = fields.role ?? 'CLIENT';
  const n = uniqueSuffix();
  const passwordHash = 'passwordHash' in fields ? fields.passwordHash : await hashFor(password);
  const [user] = await db
    .insert(users)
    .values({
      email: `${role.toLowerCase().replace('_', '-')}-${n}@example.test`,
      name: role === 'CLIENT' ? `Client ${n}` : `Staff ${n}`,
      company: role === 'CLIENT' ? `Company ${n}` : null,
      emailVerified: true,
      active: true,
      ...fields,
      role,
      passwordHash,
    })
    .returning();
  return { user, viewer: toViewer(user), password };
}

/** Inserts a project owned by `clientId` (default: a PENDING website). */
export async function createProject(clientId: string, overrides: Partial<NewProject> = {}): Promise<Project> {
  const n = uniqueSuffix();
  const [project] = await db
    .insert(projects)
    .values({
      title: `Project ${n}`,
      description: 'A project created by a test.',
      type: 'WEBSITE',
      status: 'PENDING',
      ...overrides,
      clientId,
    })
    .returning();
  return project;
}

/** Inserts an OPEN ticket of `clientId`; the database assigns the ticket number. */
export async function createTicket(clientId: string, overrides: Partial<NewTicket> = {}): Promise<SupportTicket> {
  const n = uniqueSuffix();
  const [ticket] = await db
    .insert(supportTickets)
    .values({
      subject: `Ticket ${n}`,
      description: 'A ticket created by a test.',
      status: 'OPEN',
      ...overrides,
      clientId,
    })
    .returning();
  return ticket;
}

/**
 * Inserts a comment by `userId` on `ticketId`. `sender` defaults from the author's role (CLIENT or
 * ADMIN). Like a real reply it sets the ticket's last_replied_at to the comment's created_at; it
 * does not change the ticket's status.
 */
export async function createComment(
  ticketId: string,
  userId: string,
  overrides: Partial<NewComment> = {},
): Promise<TicketComment> {
  let sender = overrides.sender;
  if (!sender) {
    const [author] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
    if (!author) throw new Error(`createComment: no user ${userId}`);
    sender = author.role === 'CLIENT' ? 'CLIENT' : 'ADMIN';
  }
  const [comment] = await db
    .insert(ticketComments)
    .values({ content: `Comment ${uniqueSuffix()}`, ...overrides, ticketId, userId, sender })
    .returning();
  await db.update(supportTickets).set({ lastRepliedAt: comment.createdAt }).where(eq(supportTickets.id, ticketId));
  return comment;
}

// ── Dev mailbox (MAILBOX_DIR: a fresh temp folder per test file) ──────────────────────────────

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  createdAt: string;
  /** Every http(s) link in the text and html bodies, in order, without duplicates. */
  links: string[];
  file: string;
};

export function mailboxDir(): string {
  return process.env.MAILBOX_DIR || '.data/mailbox';
}

/** Every message in the dev mailbox, oldest first. */
export function readMailbox(): MailboxMessage[] {
  const dir = mailboxDir();
  if (!fs.existsSync(dir)) return [];
  const messages: MailboxMessage[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      continue; // being written
    }
    if (typeof raw.subject !== 'string') continue;
    const to = Array.isArray(raw.to) ? raw.to.join(', ') : String(raw.to ?? '');
    const html = String(raw.html ?? '');
    const text = String(raw.text ?? '');
    messages.push({
      id: String(raw.id ?? name.replace(/\.json$/, '')),
      to,
      subject: raw.subject,
      html,
      text,
      createdAt: String(raw.createdAt ?? fs.statSync(file).mtime.toISOString()),
      links: extractLinks(text, html),
      file,
    });
  }
  return messages.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.file.localeCompare(b.file));
}

/** The messages sent to `address` (case-insensitive), oldest first. */
export function mailTo(address: string): MailboxMessage[] {
  const wanted = address.trim().toLowerCase();
  return readMailbox().filter((m) =>
    m.to
      .toLowerCase()
      .split(/\s*,\s*/)
      .some((to) => to === wanted || to.endsWith(`<${wanted}>`)),
  );
}

/**
 * Waits until `address` has at least `count` messages (mail is delivered right after the
 * transaction commits, fire-and-forget) and returns them, oldest first.
 */
export async function waitForMailTo(
  address: string,
  { count = 1, timeoutMs = 10_000 } = {},
): Promise<MailboxMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = mailTo(address);
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) {
      throw new Error(`waitForMailTo(${address}): ${messages.length} of ${count} message(s) after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function extractLinks(text: string, html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/href="(https?:\/\/[^"]+)"/g)) found.push(decodeEntities(match[1]));
  for (const match of text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) found.push(match[0]);
  return [...new Set(found)];
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
