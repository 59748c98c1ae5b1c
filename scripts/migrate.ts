// npm run db:migrate — applies the SQL migrations in drizzle/ with the driver that DATABASE_URL
// selects (PGlite, node-postgres or Neon). Idempotent: applied migrations are recorded in
// drizzle.__drizzle_migrations. Reads .env/.env.local like `next dev`.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { CliError, loadEnv, openDatabase, runCli } from './lib/cli';

async function appliedCount(): Promise<number> {
  try {
    const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as {
      rows: { n: number }[];
    };
    return Number(result.rows[0]?.n ?? 0);
  } catch {
    return 0; // no migrations table yet
  }
}

await runCli(async () => {
  loadEnv();
  const folder = path.join(process.cwd(), 'drizzle');
  const journal = path.join(folder, 'meta', '_journal.json');
  if (!fs.existsSync(journal)) throw new CliError(`No migrations found: ${journal} is missing.`);
  const total = (JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;

  const { where } = await openDatabase({ migrate: false });
  console.log(`Migrating ${where}`);
  const before = await appliedCount();
  const started = Date.now();
  await migrateDatabase(folder);
  const after = await appliedCount();
  console.log(
    `Applied ${after - before} new migration(s); ${after} of ${total} applied in total (${Date.now() - started} ms).`,
  );
  if (after < total) throw new CliError(`Only ${after} of ${total} migrations are recorded as applied.`);
});
