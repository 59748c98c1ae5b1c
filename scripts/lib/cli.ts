// Shared plumbing of the CLI entry points in scripts/ (migrate, seed, create-user).
// The database modules are imported only when a command gets that far, so `--help` and bad
// arguments answer at once.
// @next/env is CommonJS without static named exports: take loadEnvConfig from the default export.
import nextEnv from '@next/env';
import type { DriverName } from '@/db';

/** A failure to report as one clear line, with its exit code (1 runtime, 2 usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Loads .env, .env.local, .env.development… the way `next dev` does (the shell's values win). */
export function loadEnv(): void {
  const silent = { info: () => {}, warn: console.warn, error: console.error, log: () => {} };
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', silent as unknown as Console);
}

let opened = false;
let description = 'the database';

/** Where openDatabase() connected, e.g. "PGlite in .data/pglite" (call it after openDatabase). */
export function describeDatabase(): string {
  return description;
}

/**
 * Opens the selected database and says where it is ("PGlite in .data/pglite", "node-postgres →
 * host:port/name", never credentials). The embedded database is migrated first (a fresh clone
 * has none yet); a server is migrated by `npm run db:migrate` as a deploy step.
 */
export async function openDatabase({ migrate = true } = {}): Promise<{ driver: DriverName; where: string }> {
  const { currentDriver, pgliteDir } = await import('@/db');
  let driver: DriverName;
  try {
    opened = true;
    driver = currentDriver();
  } catch (error) {
    throw new CliError(`Invalid database configuration: ${(error as Error).message}`);
  }
  let where: string = driver;
  if (driver === 'pglite') {
    where = `PGlite in ${pgliteDir()}`;
  } else {
    try {
      const url = new URL(process.env.DATABASE_URL ?? '');
      where = `${driver === 'neon' ? 'Neon driver' : 'node-postgres'} → ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    } catch {
      // selectDriver accepted it; keep the driver name
    }
  }
  description = where;
  if (migrate && driver === 'pglite') {
    const { migrateDatabase } = await import('@/db/migrate');
    await migrateDatabase();
  }
  return { driver, where };
}

/** Runs a CLI main function: prints a failure as one line, closes the database, exits. */
export async function runCli(main: () => Promise<number | void>): Promise<never> {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      code = error.exitCode;
    } else {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      console.error(`Error: ${(error as Error)?.message ?? String(error)}${cause ? ` (${cause})` : ''}`);
      code = 1;
    }
  }
  if (opened) {
    try {
      const { closeDb } = await import('@/db');
      await closeDb();
    } catch {
      // nothing more to report
    }
  }
  process.exit(code);
}
