// What the database itself guarantees: cascades, ticket numbers, updated_at, email normalisation.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { emailVerifications, passwordResets, projects, supportTickets, ticketComments, users } from '@/db/schema';
import { expectPgError, queryRows } from '../helpers/db';
import { createComment, createProject, createTicket, createUser } from '../helpers/factories';

const inOneHour = () => new Date(Date.now() + 3_600_000);

async function countRows(table: string, column: string, value: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${value}`,
  );
  return rows[0].n;
}

describe('ON DELETE rules', () => {
  it('deleting a user removes their projects, tickets, comments and tokens, and nobody else’s', async () => {
    const { user: client } = await createUser();
    const { user: other } = await createUser();
    const { user: admin } = await createUser({ role: 'ADMIN' });
    const project = await createProject(client.id);
    const ticket = await createTicket(client.id, { projectId: project.id });
    await createComment(ticket.id, client.id);
    await createComment(ticket.id, admin.id); // on the client's ticket: goes with the ticket
    await db.insert(passwordResets).values({ token: 'a'.repeat(64), userId: client.id, expiresAt: inOneHour() });
    await db.insert(emailVerifications).values({ token: 'b'.repeat(64), userId: client.id, expiresAt: inOneHour() });
    const otherProject = await createProject(other.id);
    const otherTicket = await createTicket(other.id);
    const adminOnOther = await createComment(otherTicket.id, admin.id);

    await db.execute(sql`delete from users where id = ${client.id}`);

    expect(await countRows('projects', 'client_id', client.id)).toBe(0);
    expect(await countRows('support_tickets', 'client_id', client.id)).toBe(0);
    expect(await countRows('ticket_comments', 'ticket_id', ticket.id)).toBe(0);
    expect(await countRows('password_resets', 'user_id', client.id)).toBe(0);
    expect(await countRows('email_verifications', 'user_id', client.id)).toBe(0);
    // Untouched: the other client's data and the admin.
    expect(await countRows('projects', 'id', otherProject.id)).toBe(1);
    expect(await countRows('ticket_comments', 'id', adminOnOther.id)).toBe(1);
    expect(await countRows('users', 'id', admin.id)).toBe(1);
  });

  it('deleting a staff user removes their comments on any ticket', async () => {
    const { user: client } = await createUser();
    const { user: admin } = await createUser({ role: 'ADMIN' });
    const ticket = await createTicket(client.id);
    await createComment(ticket.id, client.id);
    await createComment(ticket.id, admin.id);

    await db.delete(users).where(eq(users.id, admin.id));

    const left = await db.select().from(ticketComments).where(eq(ticketComments.ticketId, ticket.id));
    expect(left.map((c) => c.sender)).toEqual(['CLIENT']);
  });

  it('deleting a ticket removes its comments', async () => {
    const { user: client } = await createUser();
    const ticket = await createTicket(client.id);
    await createComment(ticket.id, client.id);
    await db.delete(supportTickets).where(eq(supportTickets.id, ticket.id));
    expect(await countRows('ticket_comments', 'ticket_id', ticket.id)).toBe(0);
  });

  it('deleting a project keeps its tickets and sets their project_id to null', async () => {
    const { user: client } = await createUser();
    const project = await createProject(client.id);
    const ticket = await createTicket(client.id, { projectId: project.id });
    await db.delete(projects).where(eq(projects.id, project.id));
    const [after] = await db.select().from(supportTickets).where(eq(supportTickets.id, ticket.id));
    expect(after.projectId).toBeNull();
  });

  it('refuses a project or ticket whose client does not exist', async () => {
    await expectPgError(createProject('no-such-user'), '23503');
    await expectPgError(createTicket('no-such-user'), '23503');
  });
});

describe('ticket numbers', () => {
  it('are assigned by the database as T-000001, T-000002, …', async () => {
    const { user } = await createUser();
    const first = await createTicket(user.id);
    const second = await createTicket(user.id);
    expect(first.ticketNumber).toMatch(/^T-\d{6}$/);
    expect(Number(second.ticketNumber.slice(2))).toBe(Number(first.ticketNumber.slice(2)) + 1);
  });

  it('stay distinct under 50 concurrent inserts', async () => {
    const { user } = await createUser();
    const tickets = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db
          .insert(supportTickets)
          .values({ subject: `Concurrent ${i}`, description: 'x', clientId: user.id })
          .returning(),
      ),
    );
    const numbers = tickets.map(([t]) => t.ticketNumber);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) expect(n).toMatch(/^T-\d{6}$/);
  });

  it('grow past six digits without truncation, and UNIQUE refuses a duplicate', async () => {
    const { user } = await createUser();
    const ticket = await createTicket(user.id);
    await expectPgError(createTicket(user.id, { ticketNumber: ticket.ticketNumber }), '23505');
    await db.execute(sql`select setval('ticket_number_seq', 999999)`);
    const big = await createTicket(user.id);
    expect(big.ticketNumber).toBe('T-1000000');
  });
});

describe('updated_at', () => {
  const past = new Date('2020-01-01T00:00:00Z');

  it('follows an UPDATE made with raw SQL on every table that has it', async () => {
    const { user } = await createUser({ updatedAt: past });
    const project = await createProject(user.id, { updatedAt: past });
    const ticket = await createTicket(user.id, { updatedAt: past });
    const [comment] = await db
      .insert(ticketComments)
      .values({ content: 'hi', ticketId: ticket.id, userId: user.id, sender: 'CLIENT', updatedAt: past })
      .returning();

    await db.execute(sql`update users set name = 'Renamed' where id = ${user.id}`);
    await db.execute(sql`update projects set title = 'Renamed' where id = ${project.id}`);
    await db.execute(sql`update support_tickets set subject = 'Renamed' where id = ${ticket.id}`);
    await db.execute(sql`update ticket_comments set content = 'edited' where id = ${comment.id}`);

    const rows = await queryRows<{ t: string; updated_at: string | Date }>(sql`
      select 'users' as t, updated_at from users where id = ${user.id}
      union all select 'projects', updated_at from projects where id = ${project.id}
      union all select 'support_tickets', updated_at from support_tickets where id = ${ticket.id}
      union all select 'ticket_comments', updated_at from ticket_comments where id = ${comment.id}`);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const at = new Date(row.updated_at).getTime();
      expect(at, row.t).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('keeps a value that the UPDATE sets itself', async () => {
    const { user } = await createUser();
    const project = await createProject(user.id);
    await db.execute(sql`update projects set title = 'x', updated_at = ${past.toISOString()} where id = ${project.id}`);
    const [after] = await db.select().from(projects).where(eq(projects.id, project.id));
    expect(after.updatedAt.toISOString()).toBe(past.toISOString());
  });
});

describe('emails', () => {
  it('are stored trimmed and lower-cased, on insert and on update', async () => {
    const [user] = await db.insert(users).values({ email: '  Mixed.Case@Example.COM ' }).returning();
    expect(user.email).toBe('mixed.case@example.com');
    await db.execute(sql`update users set email = ' New@Example.com' where id = ${user.id}`);
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.email).toBe('new@example.com');
  });

  it('are unique regardless of case and spaces', async () => {
    await db.insert(users).values({ email: 'taken@example.com' });
    await expectPgError(db.insert(users).values({ email: 'TAKEN@example.com' }), '23505');
    await expectPgError(db.insert(users).values({ email: ' taken@EXAMPLE.com ' }), '23505');
  });

  it('gives new users the spec defaults', async () => {
    const [user] = await db.insert(users).values({ email: 'defaults@example.com' }).returning();
    expect(user).toMatchObject({ role: 'CLIENT', emailVerified: false, active: true, sessionVersion: 0 });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
