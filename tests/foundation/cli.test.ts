// The CLI entry points as a person runs them: npm run db:migrate, db:seed, user:create.
// Each test runs the scripts as child processes against a database of its own (PGlite folder, or
// a fresh database on the test server through pg or the Neon driver).
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '@/lib/auth/passwords';
import { cliDatabase, hasScriptCommand, runOnTerminal, runScript, type CliDatabase } from '../helpers/cli';

// Several child processes per test, some creating a PGlite database (initdb in WebAssembly).
vi.setConfig({ testTimeout: 300_000 });

const onServer = Boolean(process.env.TEST_DATABASE_URL?.trim());
const MIGRATIONS = (JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] }).entries
  .length;
const GOOD_PASSWORD = 'maple-kettle-orbit-93';

const databases: CliDatabase[] = [];
async function freshDatabase(options?: { migrated?: boolean }) {
  const database = await cliDatabase(options);
  databases.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((d) => d.dispose()));
});

async function userCount(database: CliDatabase): Promise<number> {
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from users');
  return row.n;
}

describe('npm run db:migrate', () => {
  it('applies every migration to an empty database, names the driver, and is idempotent', async () => {
    const database = await freshDatabase({ migrated: false });
    const first = await runScript('migrate.ts', [], database.env);
    expect(first.code, first.output).toBe(0);
    expect(first.stdout).toMatch(
      onServer ? (process.env.DATABASE_DRIVER === 'neon' ? /Neon driver/ : /node-postgres/) : /PGlite/,
    );
    expect(first.stdout).toContain(`Applied ${MIGRATIONS} new migration(s); ${MIGRATIONS} of ${MIGRATIONS} applied`);

    const second = await runScript('migrate.ts', [], database.env);
    expect(second.code, second.output).toBe(0);
    expect(second.stdout).toContain(`Applied 0 new migration(s); ${MIGRATIONS} of ${MIGRATIONS} applied`);
    expect(await userCount(database)).toBe(0);
  });

  it('fails with a clear message for a malformed DATABASE_URL', async () => {
    const result = await runScript('migrate.ts', [], { DATABASE_URL: 'not a url', DATABASE_DRIVER: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL must be a postgres:\/\//);
  });
});

describe('npm run user:create', () => {
  it('creates a verified, active user with a normalised email and an argon2 hash', async () => {
    const database = await freshDatabase();
    const result = await runScript(
      'create-user.ts',
      ['--email', '  Owner@Agency.Example ', '--role', 'SUPER_ADMIN', '--name', 'Jo Owner', '--company', 'The Agency'],
      { ...database.env, PORTAL_PASSWORD: GOOD_PASSWORD },
    );
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/Created SUPER_ADMIN owner@agency\.example/);

    const [user] = await database.query<Record<string, unknown>>('select * from users');
    expect(user).toMatchObject({
      email: 'owner@agency.example',
      role: 'SUPER_ADMIN',
      name: 'Jo Owner',
      company: 'The Agency',
      email_verified: true,
      active: true,
    });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect((await verifyPassword(GOOD_PASSWORD, user.password_hash as string)).ok).toBe(true);
  });

  it('refuses a duplicate email (whatever its case), exits 1 and writes nothing', async () => {
    const database = await freshDatabase();
    const env = { ...database.env, PORTAL_PASSWORD: GOOD_PASSWORD };
    const first = await runScript('create-user.ts', ['--email', 'ops@agency.example', '--role', 'ADMIN'], env);
    expect(first.code, first.output).toBe(0);
    const again = await runScript('create-user.ts', ['--email', 'OPS@Agency.example', '--role', 'CLIENT'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*Nothing was created/);
    const rows = await database.query<{ role: string }>('select role from users');
    expect(rows).toEqual([{ role: 'ADMIN' }]);
  });

  it('refuses weak passwords and a missing password without writing anything', async () => {
    const database = await freshDatabase();
    const args = ['--email', 'weak@agency.example', '--role', 'ADMIN'];
    const [common, short, long, none] = await Promise.all([
      runScript('create-user.ts', args, { ...database.env, PORTAL_PASSWORD: 'password123' }),
      runScript('create-user.ts', args, { ...database.env, PORTAL_PASSWORD: 'k9#Lm2' }),
      runScript('create-user.ts', args, { ...database.env, PORTAL_PASSWORD: 'x'.repeat(129) }),
      runScript('create-user.ts', args, { ...database.env }),
    ]);
    expect(common.code).toBe(1);
    expect(common.stderr).toMatch(/too common/);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/at most 128 characters/);
    // No PORTAL_PASSWORD and no terminal to prompt on.
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/PORTAL_PASSWORD/);
    expect(await userCount(database)).toBe(0);
  });

  it.skipIf(!hasScriptCommand())('asks for the password twice on a terminal, without echoing it', async () => {
    const database = await freshDatabase();
    const args = ['--email', 'tty@agency.example', '--role', 'ADMIN'];
    const mismatch = await runOnTerminal('create-user.ts', args, database.env, [
      ['Password: ', GOOD_PASSWORD],
      ['Repeat the password: ', `${GOOD_PASSWORD}x`],
    ]);
    expect(mismatch.code, mismatch.screen).toBe(1);
    expect(mismatch.screen).toMatch(/do not match/);
    expect(await userCount(database)).toBe(0);

    const ok = await runOnTerminal('create-user.ts', args, database.env, [
      ['Password: ', GOOD_PASSWORD],
      ['Repeat the password: ', GOOD_PASSWORD],
    ]);
    expect(ok.code, ok.screen).toBe(0);
    expect(ok.screen).toMatch(/Created ADMIN tty@agency\.example/);
    expect(ok.screen).not.toContain(GOOD_PASSWORD);
    expect(await userCount(database)).toBe(1);
  });

  it('prints usage and exits 2 on bad arguments', async () => {
    const env = { PGLITE_DIR: '/nonexistent/never-opened', DATABASE_URL: '', PORTAL_PASSWORD: GOOD_PASSWORD };
    const runs = await Promise.all([
      runScript('create-user.ts', [], env),
      runScript('create-user.ts', ['--email', 'a@b.example'], env),
      runScript('create-user.ts', ['--email', 'not-an-email', '--role', 'ADMIN'], env),
      runScript('create-user.ts', ['--email', 'a@b.example', '--role', 'KING'], env),
      runScript('create-user.ts', ['--email', 'a@b.example', '--role', 'ADMIN', '--bogus'], env),
      runScript('create-user.ts', ['--email', 'a@b.example', '--role', 'ADMIN', 'extra'], env),
    ]);
    const [none, noRole, badEmail, badRole, unknownFlag, positional] = runs;
    for (const run of runs) {
      expect(run.code, run.output).toBe(2);
      expect(run.stderr).toMatch(/Usage: npm run user:create -- --email <address> --role/);
    }
    expect(none.stderr).toMatch(/--email is required/);
    expect(noRole.stderr).toMatch(/--role must be one of CLIENT, ADMIN, SUPER_ADMIN/);
    expect(badEmail.stderr).toMatch(/--email must be an email address/);
    expect(badRole.stderr).toMatch(/--role must be one of/);
    expect(unknownFlag.stderr).toMatch(/--bogus/);
    expect(positional.stderr).toMatch(/extra/);
    // The database was never opened.
    expect(fs.existsSync('/nonexistent/never-opened')).toBe(false);
  });

  it('prints usage and exits 0 with --help', async () => {
    const result = await runScript('create-user.ts', ['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run user:create/);
  });
});

describe('npm run db:seed', () => {
  it('loads the demo data, prints the logins, and changes nothing on a second run', async () => {
    const database = await freshDatabase();
    const first = await runScript('seed.ts', [], database.env);
    expect(first.code, first.output).toBe(0);
    expect(first.stdout).toMatch(/Loaded demo data .*7 users, 15 projects, 20 tickets/);
    for (const email of ['super@agency.test', 'admin@agency.test', 'client1@acme.test', 'client5@hooli.test']) {
      expect(first.stdout).toContain(email);
    }
    expect(first.stdout).toContain('demo-password-2026');

    const second = await runScript('seed.ts', [], database.env);
    expect(second.code, second.output).toBe(0);
    expect(second.stdout).toMatch(/already loaded.*nothing changed/);
    const [counts] = await database.query<{ users: number; projects: number; tickets: number }>(
      `select (select count(*)::int from users) as users, (select count(*)::int from projects) as projects,
              (select count(*)::int from support_tickets) as tickets`,
    );
    expect(counts).toEqual({ users: 7, projects: 15, tickets: 20 });
  });

  it('refuses when only some demo accounts exist, and writes nothing', async () => {
    const database = await freshDatabase();
    const created = await runScript('create-user.ts', ['--email', 'super@agency.test', '--role', 'SUPER_ADMIN'], {
      ...database.env,
      PORTAL_PASSWORD: GOOD_PASSWORD,
    });
    expect(created.code, created.output).toBe(0);
    const result = await runScript('seed.ts', [], database.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Refusing to seed.*super@agency\.test.*Nothing was changed/);
    expect(await userCount(database)).toBe(1);
  });

  it('refuses with NODE_ENV=production before touching the database', async () => {
    const dir = '/nonexistent/seed-never-opened';
    const result = await runScript('seed.ts', [], { NODE_ENV: 'production', PGLITE_DIR: dir, DATABASE_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Refusing to load demo data: NODE_ENV=production/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
