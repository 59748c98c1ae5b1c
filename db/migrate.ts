import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { currentDriver, db } from './index';

type AnyMigrate = (database: unknown, config: { migrationsFolder: string }) => Promise<void>;
const migrators: Record<ReturnType<typeof currentDriver>, AnyMigrate> = {
  pg: migratePg as AnyMigrate,
  neon: migrateNeon as AnyMigrate,
  pglite: migratePglite as AnyMigrate,
};

const globalForMigrate = globalThis as unknown as { __portalMigrated?: Promise<void> };

/**
 * Applies the committed SQL migrations in ./drizzle with the active driver. Idempotent: the
 * applied ones are recorded in drizzle.__drizzle_migrations, the table drizzle-kit uses too.
 */
export function migrateDatabase(folder = path.join(process.cwd(), 'drizzle')): Promise<void> {
  if (!globalForMigrate.__portalMigrated) {
    const run = migrators[currentDriver()];
    globalForMigrate.__portalMigrated = run(db, { migrationsFolder: folder }).catch(
      (err: unknown) => {
        globalForMigrate.__portalMigrated = undefined;
        throw err;
      },
    );
  }
  return globalForMigrate.__portalMigrated;
}

/** Forget that migrations ran (tests that open a fresh database in the same process). */
export function resetMigrationState(): void {
  globalForMigrate.__portalMigrated = undefined;
}
