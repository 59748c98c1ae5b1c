// npm run db:seed — loads the demo data of db/seed.ts and prints the demo logins.
// Refuses when NODE_ENV=production (the demo password is public). Idempotent: a second run
// changes nothing. Reads .env/.env.local like `next dev`; migrates the embedded database first.
import { CliError, loadEnv, openDatabase, runCli } from './lib/cli';

await runCli(async () => {
  const refuse = () =>
    new CliError('Refusing to load demo data: NODE_ENV=production. The demo accounts share a published password.');
  const isProduction = () => (process.env.NODE_ENV as string | undefined) === 'production';
  if (isProduction()) throw refuse();
  loadEnv();
  if (isProduction()) throw refuse(); // NODE_ENV from a .env file

  const { where } = await openDatabase();
  const { db } = await import('@/db');
  const { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } = await import('@/db/seed');
  const result = await seedDemoData(db);
  if (result.status === 'conflict') {
    throw new CliError(
      `Refusing to seed ${where}: some demo accounts already exist (${result.existing.join(', ')}) but not all. ` +
        'Nothing was changed. Use an empty database.',
    );
  }
  if (result.status === 'already-seeded') {
    console.log(`Demo data is already loaded in ${where}: nothing changed.`);
  } else {
    console.log(
      `Loaded demo data into ${where}: ${result.users} users, ${result.projects} projects, ` +
        `${result.tickets} tickets, ${result.comments} comments.`,
    );
  }
  console.log('\nDemo logins (password for all: ' + DEMO_PASSWORD + ')\n');
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(`  ${'Role'.padEnd(12)}${'Email'.padEnd(width + 2)}Name`);
  for (const a of DEMO_ACCOUNTS) {
    console.log(`  ${a.role.padEnd(12)}${a.email.padEnd(width + 2)}${a.name}${a.company ? ` (${a.company})` : ''}`);
  }
  console.log('');
});
