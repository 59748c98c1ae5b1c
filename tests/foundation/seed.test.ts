// The demo data (db/seed.ts) is consistent with the portal's rules, and loading it is idempotent.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { projectStatusEnum, projectTypeEnum, ticketStatusEnum, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/passwords';
import { queryRows } from '../helpers/db';

let summary: Awaited<ReturnType<typeof seedDemoData>>;
beforeAll(async () => {
  summary = await seedDemoData(db);
});

describe('demo data', () => {
  it('loads 7 users, ~15 projects and ~20 tickets with threads', () => {
    expect(summary).toMatchObject({ status: 'seeded', users: 7, projects: 15, tickets: 20 });
    if (summary.status === 'seeded') expect(summary.comments).toBeGreaterThan(20);
  });

  it('has the documented accounts, verified and active, with the demo password', async () => {
    const rows = await db.select().from(users);
    expect(rows.map((u) => [u.email, u.role, u.company]).sort()).toEqual(
      [
        ['super@agency.test', 'SUPER_ADMIN', null],
        ['admin@agency.test', 'ADMIN', null],
        ['client1@acme.test', 'CLIENT', 'Acme Ltd'],
        ['client2@globex.test', 'CLIENT', 'Globex'],
        ['client3@initech.test', 'CLIENT', 'Initech'],
        ['client4@umbrella.test', 'CLIENT', 'Umbrella Corp'],
        ['client5@hooli.test', 'CLIENT', 'Hooli'],
      ].sort(),
    );
    expect(DEMO_ACCOUNTS.map((a) => a.email).sort()).toEqual(rows.map((u) => u.email).sort());
    for (const user of rows) {
      expect(user.emailVerified && user.active, user.email).toBe(true);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    }
    // Distinct salts; one verification is enough to prove the password.
    expect(new Set(rows.map((u) => u.passwordHash)).size).toBe(rows.length);
    expect((await verifyPassword(DEMO_PASSWORD, rows[0].passwordHash)).ok).toBe(true);
  });

  it('covers every project status and type, each client has projects, with budgets and dates', async () => {
    const rows = await queryRows<{
      status: string;
      type: string;
      client: string;
      budget: number | null;
      start_date: unknown;
      requirements: string | null;
    }>(sql`
      select p.status, p.type, u.email as client, p.budget, p.start_date, p.requirements
        from projects p join users u on u.id = p.client_id`);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(projectStatusEnum.enumValues));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(projectTypeEnum.enumValues));
    expect(new Set(rows.map((r) => r.client)).size).toBe(5);
    expect(rows.filter((r) => r.budget !== null).length).toBeGreaterThan(10);
    expect(rows.every((r) => r.requirements)).toBe(true);
    for (const r of rows.filter((r) => ['IN_PROGRESS', 'REVIEW', 'COMPLETED'].includes(r.status))) {
      expect(r.start_date, `${r.status} project has a start date`).not.toBeNull();
    }
  });

  it('keeps tickets consistent with their threads', async () => {
    const tickets = await queryRows<{
      ticket_number: string;
      status: string;
      project_id: string | null;
      last_replied_at: string | Date | null;
      last_comment_at: string | Date | null;
      last_sender: string | null;
      senders: string[] | string | null;
      client_ok: boolean;
    }>(sql`
      select t.ticket_number, t.status, t.project_id, t.last_replied_at,
             (select max(c.created_at) from ticket_comments c where c.ticket_id = t.id) as last_comment_at,
             (select c.sender from ticket_comments c where c.ticket_id = t.id order by c.created_at desc limit 1) as last_sender,
             (select array_agg(distinct c.sender::text) from ticket_comments c where c.ticket_id = t.id) as senders,
             not exists (select 1 from projects p where p.id = t.project_id and p.client_id <> t.client_id)
               and not exists (select 1 from ticket_comments c join users u on u.id = c.user_id
                                where c.ticket_id = t.id and c.sender = 'CLIENT' and u.id <> t.client_id) as client_ok
        from support_tickets t order by t.ticket_number`);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(ticketStatusEnum.enumValues));
    expect(tickets.filter((t) => t.project_id).length).toBeGreaterThanOrEqual(5);
    const time = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());
    let bothSides = 0;
    for (const t of tickets) {
      expect(t.ticket_number).toMatch(/^T-\d{6}$/);
      expect(time(t.last_replied_at), `${t.ticket_number} last_replied_at`).toBe(time(t.last_comment_at));
      expect(t.client_ok, `${t.ticket_number} belongs to one client`).toBe(true);
      if (t.status === 'PENDING') expect(t.last_sender, `${t.ticket_number} PENDING`).toBe('ADMIN');
      if (t.status === 'OPEN' && t.last_sender) expect(t.last_sender, `${t.ticket_number} OPEN`).toBe('CLIENT');
      const senders = Array.isArray(t.senders)
        ? t.senders
        : String(t.senders ?? '')
            .replace(/[{}]/g, '')
            .split(',');
      if (senders.includes('CLIENT') && senders.includes('ADMIN')) bothSides++;
    }
    expect(bothSides).toBeGreaterThanOrEqual(10);
    // Staff replies come from both staff accounts.
    const authors = await queryRows<{ email: string }>(sql`
      select distinct u.email from ticket_comments c join users u on u.id = c.user_id where c.sender = 'ADMIN'`);
    expect(authors.map((a) => a.email).sort()).toEqual(['admin@agency.test', 'super@agency.test']);
  });

  it('changes nothing when loaded again, and refuses a partly seeded database', async () => {
    expect(await seedDemoData(db)).toEqual({ status: 'already-seeded' });
    await db.execute(sql`delete from users where email = 'client5@hooli.test'`);
    const result = await seedDemoData(db);
    expect(result.status).toBe('conflict');
    const [{ n }] = await queryRows<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(n).toBe(6);
  });
});
