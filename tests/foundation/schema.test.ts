// The migrations produce the spec's schema (../shared/spec/portal-database-schema.md): every
// table with its columns, every enum with its values, every index under its own name exactly once,
// the UNIQUE constraints and the ON DELETE rules. The expected lists below are copied from the
// spec, not from db/schema.ts, so a drift between the two fails here. Later migrations may add
// tables, columns and enums (docs/decisions/002-schema-extensions.md); they may not remove or
// change what the spec names.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../helpers/db';

type Column = { type: string; nullable: boolean; default?: RegExp };
const TEXT_PK: Column = { type: 'text', nullable: false };
const text = (nullable: boolean): Column => ({ type: 'text', nullable });
// The spec says `timestamp`; the portal stores timestamptz (docs/decisions/002-schema-extensions.md).
const ts = (nullable: boolean, defaultNow = false): Column => ({
  type: 'timestamp with time zone',
  nullable,
  ...(defaultNow ? { default: /^now\(\)$/ } : {}),
});

const SPEC_TABLES: Record<string, Record<string, Column>> = {
  users: {
    id: TEXT_PK,
    email: text(false),
    name: text(true),
    company: text(true),
    password_hash: text(true),
    created_at: ts(false, true),
    updated_at: ts(false, true),
    last_logged_in: ts(true),
    role: { type: 'role', nullable: false, default: /^'CLIENT'::role$/ },
    email_verified: { type: 'boolean', nullable: false, default: /^false$/ },
    active: { type: 'boolean', nullable: false, default: /^true$/ },
  },
  projects: {
    id: TEXT_PK,
    title: text(false),
    description: text(true),
    status: { type: 'project_status', nullable: false, default: /^'PENDING'::project_status$/ },
    client_id: text(false),
    created_at: ts(false, true),
    updated_at: ts(false, true),
    start_date: ts(true),
    end_date: ts(true),
    type: { type: 'project_type', nullable: false },
    budget: { type: 'real', nullable: true },
    requirements: text(true),
  },
  support_tickets: {
    id: TEXT_PK,
    ticket_number: text(false),
    subject: text(false),
    description: text(false),
    status: { type: 'ticket_status', nullable: false, default: /^'OPEN'::ticket_status$/ },
    client_id: text(false),
    created_at: ts(false, true),
    updated_at: ts(false, true),
    last_replied_at: ts(true),
  },
  ticket_comments: {
    id: TEXT_PK,
    content: text(false),
    ticket_id: text(false),
    user_id: text(false),
    sender: { type: 'comment_sender', nullable: false },
    created_at: ts(false, true),
    updated_at: ts(false, true),
  },
  password_resets: {
    id: TEXT_PK,
    token: text(false),
    user_id: text(false),
    expires_at: ts(false),
    used: { type: 'boolean', nullable: false, default: /^false$/ },
    created_at: ts(false, true),
  },
  email_verifications: {
    id: TEXT_PK,
    token: text(false),
    user_id: text(false),
    expires_at: ts(false),
    used: { type: 'boolean', nullable: false, default: /^false$/ },
    created_at: ts(false, true),
  },
};

// Columns and tables the portal adds to the spec in migrations of their own.
const EXTENSION_COLUMNS: Record<string, Record<string, Column>> = {
  users: { session_version: { type: 'integer', nullable: false, default: /^0$/ } },
  support_tickets: { project_id: text(true) },
  email_verifications: { purpose: { type: 'token_purpose', nullable: false }, new_email: text(true) },
};
const EXTENSION_TABLES = ['email_outbox', 'rate_limits'];

const SPEC_ENUMS: Record<string, string[]> = {
  role: ['CLIENT', 'ADMIN', 'SUPER_ADMIN'],
  project_status: ['PENDING', 'APPROVED', 'IN_PROGRESS', 'REVIEW', 'COMPLETED', 'CANCELLED'],
  project_type: ['WEBSITE', 'E_COMMERCE', 'WEB_APP', 'MOBILE_APP', 'BRANDING', 'MARKETING', 'OTHER'],
  ticket_status: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'],
  comment_sender: ['CLIENT', 'ADMIN'],
};

// Every index the spec names ("Indexes Needed" and "Performance Recommendations", which repeats
// some): table and columns in order.
const SPEC_INDEXES: Record<string, [table: string, columns: string[]]> = {
  idx_users_email: ['users', ['email']],
  idx_users_role: ['users', ['role']],
  idx_users_active: ['users', ['active']],
  idx_projects_client_id: ['projects', ['client_id']],
  idx_projects_status: ['projects', ['status']],
  idx_projects_type: ['projects', ['type']],
  idx_projects_client_status: ['projects', ['client_id', 'status']],
  idx_support_tickets_client_id: ['support_tickets', ['client_id']],
  idx_support_tickets_status: ['support_tickets', ['status']],
  idx_support_tickets_ticket_number: ['support_tickets', ['ticket_number']],
  idx_tickets_client_status: ['support_tickets', ['client_id', 'status']],
  idx_ticket_comments_ticket_id: ['ticket_comments', ['ticket_id']],
  idx_ticket_comments_user_id: ['ticket_comments', ['user_id']],
  idx_ticket_comments_created_at: ['ticket_comments', ['created_at']],
  idx_password_resets_token: ['password_resets', ['token']],
  idx_password_resets_user_id: ['password_resets', ['user_id']],
  idx_password_resets_expires_at: ['password_resets', ['expires_at']],
  idx_email_verifications_token: ['email_verifications', ['token']],
  idx_email_verifications_user_id: ['email_verifications', ['user_id']],
  idx_email_verifications_expires_at: ['email_verifications', ['expires_at']],
};

// Foreign keys of the spec ("Relationships") plus support_tickets.project_id (an extension).
const FOREIGN_KEYS: [table: string, column: string, references: string, onDelete: string][] = [
  ['projects', 'client_id', 'users', 'CASCADE'],
  ['support_tickets', 'client_id', 'users', 'CASCADE'],
  ['ticket_comments', 'user_id', 'users', 'CASCADE'],
  ['ticket_comments', 'ticket_id', 'support_tickets', 'CASCADE'],
  ['password_resets', 'user_id', 'users', 'CASCADE'],
  ['email_verifications', 'user_id', 'users', 'CASCADE'],
  ['support_tickets', 'project_id', 'projects', 'SET NULL'],
];

type ColumnRow = {
  table_name: string;
  column_name: string;
  type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
};

async function columns(): Promise<ColumnRow[]> {
  return queryRows<ColumnRow>(sql`
    select table_name, column_name,
           case when data_type = 'USER-DEFINED' then udt_name else data_type end as type,
           is_nullable, column_default
      from information_schema.columns
     where table_schema = 'public'`);
}

describe('schema produced by the migrations', () => {
  it('has every table of the spec, and the extension tables', async () => {
    const rows = await queryRows<{ table_name: string }>(sql`
      select table_name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const tables = rows.map((r) => r.table_name);
    for (const table of [...Object.keys(SPEC_TABLES), ...EXTENSION_TABLES]) expect(tables, table).toContain(table);
  });

  it.each(Object.keys(SPEC_TABLES))(
    '%s has the spec columns with their types, NOT NULL and defaults',
    async (table) => {
      const actual = new Map((await columns()).filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
      const expected = { ...SPEC_TABLES[table], ...EXTENSION_COLUMNS[table] };
      for (const name of Object.keys(expected)) expect([...actual.keys()], `${table}.${name}`).toContain(name);
      // A column added later must not be NOT NULL without a default: existing inserts would break.
      for (const [name, row] of actual) {
        if (!(name in expected) && row.is_nullable === 'NO')
          expect(row.column_default, `${table}.${name} default`).not.toBeNull();
      }
      for (const [name, column] of Object.entries(expected)) {
        const row = actual.get(name)!;
        expect({ column: name, type: row.type, nullable: row.is_nullable === 'YES' }).toEqual({
          column: name,
          type: column.type,
          nullable: column.nullable,
        });
        if (column.default) expect(row.column_default, `${table}.${name} default`).toMatch(column.default);
      }
    },
  );

  it('gives every id a generated default', async () => {
    const ids = (await columns()).filter((c) => c.column_name === 'id');
    for (const table of [...Object.keys(SPEC_TABLES), 'email_outbox'])
      expect(ids.map((c) => c.table_name)).toContain(table);
    for (const id of ids) expect(id.column_default, `${id.table_name}.id`).toMatch(/gen_random_uuid\(\)/);
  });

  it('has every enum of the spec with its values in order', async () => {
    const rows = await queryRows<{ typname: string; label: string }>(sql`
      select t.typname, e.enumlabel as label
        from pg_type t join pg_enum e on e.enumtypid = t.oid
        join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = 'public'
       order by t.typname, e.enumsortorder`);
    const enums: Record<string, string[]> = {};
    for (const row of rows) (enums[row.typname] ??= []).push(row.label);
    for (const [name, values] of Object.entries(SPEC_ENUMS)) expect(enums[name], name).toEqual(values);
    // The extensions' enums (not in the spec).
    expect(enums.token_purpose).toEqual(['VERIFY', 'INVITE', 'EMAIL_CHANGE']);
    expect(enums.outbox_status).toEqual(['PENDING', 'SENT', 'DEAD']);
  });

  it('has every index the spec names, exactly once, on the named columns', async () => {
    const rows = await queryRows<{ indexname: string; tablename: string; indexdef: string }>(sql`
      select indexname, tablename, indexdef from pg_indexes where schemaname = 'public'`);
    for (const [name, [table, cols]] of Object.entries(SPEC_INDEXES)) {
      const matches = rows.filter((r) => r.indexname === name);
      expect(matches, name).toHaveLength(1);
      expect(matches[0].tablename, name).toBe(table);
      expect(matches[0].indexdef, name).toContain(`(${cols.join(', ')})`);
    }
    // No second index on the same columns under another name (apart from primary keys and the
    // UNIQUE constraints, which are checked below).
    const signatures = rows
      .filter((r) => !/_pkey$|_unique$/.test(r.indexname))
      .map((r) => r.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ /, ''));
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  it('has the UNIQUE constraints of the spec: users.email and support_tickets.ticket_number', async () => {
    const rows = await queryRows<{ table_name: string; column_name: string }>(sql`
      select tc.table_name, kcu.column_name
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
       where tc.table_schema = 'public' and tc.constraint_type = 'UNIQUE'`);
    const unique = rows.map((r) => `${r.table_name}.${r.column_name}`);
    expect(unique).toContain('users.email');
    expect(unique).toContain('support_tickets.ticket_number');
    // Single-column constraints: a composite one would not make either column unique.
    const perConstraint = await queryRows<{ table_name: string; n: number }>(sql`
      select tc.table_name, count(*)::int as n
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
       where tc.table_schema = 'public' and tc.constraint_type = 'UNIQUE'
         and tc.table_name in ('users', 'support_tickets')
       group by tc.constraint_name, tc.table_name`);
    for (const row of perConstraint) expect(row.n, row.table_name).toBe(1);
  });

  it('has the foreign keys with their ON DELETE rules', async () => {
    const rows = await queryRows<{
      table_name: string;
      column_name: string;
      foreign_table: string;
      delete_rule: string;
    }>(sql`
      select kcu.table_name, kcu.column_name, ccu.table_name as foreign_table, rc.delete_rule
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
        join information_schema.constraint_column_usage ccu
          on ccu.constraint_name = rc.constraint_name and ccu.constraint_schema = rc.constraint_schema
       where rc.constraint_schema = 'public'`);
    const actual = rows.map((r) => `${r.table_name}.${r.column_name} → ${r.foreign_table} ON DELETE ${r.delete_rule}`);
    for (const [t, c, f, rule] of FOREIGN_KEYS) expect(actual).toContain(`${t}.${c} → ${f} ON DELETE ${rule}`);
    // Exactly one foreign key per spec column (no second one with another rule).
    for (const [t, c] of FOREIGN_KEYS)
      expect(
        actual.filter((a) => a.startsWith(`${t}.${c} → `)),
        `${t}.${c}`,
      ).toHaveLength(1);
  });

  it('records every migration file as applied', async () => {
    const fs = await import('node:fs');
    const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] };
    const rows = await queryRows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(rows[0].n).toBe(journal.entries.length);
  });
});
