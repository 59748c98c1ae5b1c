// Driver selection (db/index.ts) and environment validation (lib/env.ts): pure functions.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { currentDriver, db, pgliteDir, poolMax, selectDriver } from '@/db';
import { parseEnv } from '@/lib/env';

describe('selectDriver', () => {
  it.each([
    [{}, 'pglite'],
    [{ DATABASE_URL: '' }, 'pglite'],
    [{ DATABASE_URL: '   ' }, 'pglite'],
    [{ DATABASE_URL: 'postgres://u:p@localhost:5432/portal' }, 'pg'],
    [{ DATABASE_URL: 'postgresql://u:p@db.internal/portal?sslmode=require' }, 'pg'],
    [{ DATABASE_URL: 'postgres://u:p@ep-cool-name-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require' }, 'neon'],
    [{ DATABASE_URL: 'postgres://u:p@ep-x-pooler.us-east-2.aws.neon.tech/db' }, 'neon'],
    // Only a real *.neon.tech host counts.
    [{ DATABASE_URL: 'postgres://u:p@neon.tech.example.com/db' }, 'pg'],
    [{ DATABASE_URL: 'postgres://u:p@myneon.tech/db' }, 'pg'],
    [{ DATABASE_URL: 'postgres://u:p@127.0.0.1:54329/db', DATABASE_DRIVER: 'neon' }, 'neon'],
    [{ DATABASE_URL: 'postgres://u:p@ep-x.aws.neon.tech/db', DATABASE_DRIVER: 'pg' }, 'pg'],
    [{ DATABASE_URL: 'postgres://u:p@localhost/db', DATABASE_DRIVER: 'pglite' }, 'pglite'],
    [{ DATABASE_DRIVER: 'pglite' }, 'pglite'],
    [{ DATABASE_URL: 'postgres://u:p@localhost/db', DATABASE_DRIVER: ' pg ' }, 'pg'],
  ] as const)('%j → %s', (env, expected) => {
    expect(selectDriver(env as unknown as NodeJS.ProcessEnv)).toBe(expected);
  });

  it('refuses a forced server driver without DATABASE_URL', () => {
    expect(() => selectDriver({ DATABASE_DRIVER: 'neon' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /DATABASE_DRIVER=neon needs DATABASE_URL/,
    );
    expect(() => selectDriver({ DATABASE_DRIVER: 'pg' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /DATABASE_DRIVER=pg needs DATABASE_URL/,
    );
  });

  it('refuses an unknown DATABASE_DRIVER', () => {
    expect(() => selectDriver({ DATABASE_DRIVER: 'mysql' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /DATABASE_DRIVER must be one of pglite, pg, neon/,
    );
  });

  it('refuses a malformed DATABASE_URL with a message naming it', () => {
    expect(() => selectDriver({ DATABASE_URL: 'not a url' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /DATABASE_URL must be a postgres:\/\//,
    );
  });

  it('keeps PGlite in .data/pglite unless PGLITE_DIR says otherwise', () => {
    expect(pgliteDir({} as unknown as NodeJS.ProcessEnv)).toBe('.data/pglite');
    expect(pgliteDir({ PGLITE_DIR: ' ' } as unknown as NodeJS.ProcessEnv)).toBe('.data/pglite');
    expect(pgliteDir({ PGLITE_DIR: 'memory://' } as unknown as NodeJS.ProcessEnv)).toBe('memory://');
  });

  it('runs this suite on the driver the test run asked for', () => {
    const expected = !process.env.TEST_DATABASE_URL ? 'pglite' : process.env.DATABASE_DRIVER === 'neon' ? 'neon' : 'pg';
    expect(currentDriver()).toBe(expected);
  });
});

describe('poolMax', () => {
  const of = (value?: string) => poolMax({ DATABASE_POOL_MAX: value } as unknown as NodeJS.ProcessEnv);

  it('is 10 unless DATABASE_POOL_MAX says otherwise', () => {
    expect(of(undefined)).toBe(10);
    expect(of(' ')).toBe(10);
    expect(of('25')).toBe(25);
  });

  it('refuses a value that is not a whole number from 1 to 100, naming the variable', () => {
    for (const bad of ['lots', '0', '2.5', '101']) expect(() => of(bad)).toThrow(/^DATABASE_POOL_MAX: /);
  });
});

describe('server connections', () => {
  // JIT compilation costs the staff pages more than it saves (docs/decisions/008-performance.md):
  // every pooled connection of pg (startup option) and of the Neon driver (SET on connect) has it off.
  it.skipIf(!process.env.TEST_DATABASE_URL)('run with jit off, on every connection of the pool', async () => {
    // Five at once, so the pool opens several connections rather than reusing one.
    const results = await Promise.all(
      Array.from({ length: 5 }, () => db.execute(sql`select current_setting('jit') as jit, pg_sleep(0.05)`)),
    );
    for (const result of results) expect((result.rows[0] as { jit: string }).jit).toBe('off');
  });
});

describe('parseEnv', () => {
  const secret = 'x'.repeat(32);
  const valid = { AUTH_SECRET: secret };

  function errorsOf(source: Record<string, string | undefined>): string[] {
    const result = parseEnv(source);
    if (result.ok) throw new Error('expected the environment to be refused');
    return result.errors;
  }

  it('accepts a fresh clone’s environment (only AUTH_SECRET) with the documented defaults', () => {
    const result = parseEnv(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({
      NODE_ENV: 'development',
      APP_URL: 'http://localhost:3000',
      PGLITE_DIR: '.data/pglite',
      MAILBOX_DIR: '.data/mailbox',
      ALLOW_REGISTRATION: true,
    });
    expect(result.env.DATABASE_URL).toBeUndefined();
  });

  it('strips a trailing slash from APP_URL and treats empty strings as unset', () => {
    const result = parseEnv({ ...valid, APP_URL: 'https://portal.example.com/', DATABASE_URL: '', RESEND_API_KEY: '' });
    expect(result.ok && result.env.APP_URL).toBe('https://portal.example.com');
    expect(result.ok && result.env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['missing AUTH_SECRET', {}, 'AUTH_SECRET', /required/],
    ['short AUTH_SECRET', { AUTH_SECRET: 'too-short' }, 'AUTH_SECRET', /at least 32 characters/],
    ['bad APP_URL', { ...valid, APP_URL: 'localhost:3000' }, 'APP_URL', /http\(s\) URL/],
    ['ftp APP_URL', { ...valid, APP_URL: 'ftp://example.com' }, 'APP_URL', /http\(s\) URL/],
    ['bad DATABASE_URL', { ...valid, DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL', /postgres:\/\//],
    ['bad DATABASE_DRIVER', { ...valid, DATABASE_DRIVER: 'sqlite' }, 'DATABASE_DRIVER', /pglite, pg or neon/],
    ['bad ALLOW_REGISTRATION', { ...valid, ALLOW_REGISTRATION: 'yes' }, 'ALLOW_REGISTRATION', /true or false/],
    ['bad AGENCY_NOTIFY_EMAIL', { ...valid, AGENCY_NOTIFY_EMAIL: 'not-an-email' }, 'AGENCY_NOTIFY_EMAIL', /email/],
    ['short CRON_SECRET', { ...valid, CRON_SECRET: 'short' }, 'CRON_SECRET', /16 characters/],
    ['bad NODE_ENV', { ...valid, NODE_ENV: 'staging' }, 'NODE_ENV', /./],
    ['DATABASE_POOL_MAX not a number', { ...valid, DATABASE_POOL_MAX: 'lots' }, 'DATABASE_POOL_MAX', /whole number from 1 to 100/],
    ['DATABASE_POOL_MAX of 0', { ...valid, DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX', /./],
  ])('%s → one line naming the variable', (_label, source, name, message) => {
    const errors = errorsOf(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name}: `));
    expect(errors[0]).toMatch(message);
    expect(errors[0]).not.toContain('\n');
  });

  it('reports each bad variable on its own line', () => {
    const errors = errorsOf({ AUTH_SECRET: 'short', APP_URL: 'nope', DATABASE_URL: 'http://x' });
    expect(errors.map((line) => line.split(':')[0]).sort()).toEqual(['APP_URL', 'AUTH_SECRET', 'DATABASE_URL']);
  });
});
