// Runs once when a Next.js server starts: validate the environment, then bring the embedded
// database up to date. Ordinary servers are migrated by `npm run db:migrate` as a deploy step.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseEnv } = await import('./lib/env');
  const result = parseEnv(process.env);
  if (!result.ok) {
    for (const line of result.errors) console.error(`Invalid environment: ${line}`);
    process.exit(1);
  }
  const { currentDriver } = await import('./db/index');
  if (currentDriver() === 'pglite') {
    const { migrateDatabase } = await import('./db/migrate');
    await migrateDatabase();
  }
}
