// npm run db:cleanup — expired unused tokens, SENT mail older than 30 days, ended rate-limit
// windows, then one retry pass over the mail outbox. Prints the counts. Safe to run any time
// (e.g. from cron); POST /api/cron/cleanup does the same for hosted deployments.
import { runCleanup } from '@/lib/auth/cleanup';
import { describeDatabase, loadEnv, openDatabase, runCli } from './lib/cli';

await runCli(async () => {
  loadEnv();
  await openDatabase();
  console.log(`Cleaning up ${describeDatabase()}`);
  const r = await runCleanup();
  console.log(`Deleted ${r.passwordResets} expired password reset(s) and ${r.emailVerifications} expired email token(s).`);
  console.log(
    `Deleted ${r.sentMail} sent mail(s) older than 30 days, ${r.rateLimits} ended rate-limit window(s) and ${r.formSubmissions} form key(s) older than 7 days.`,
  );
  console.log(`Outbox retry: ${r.outbox.sent} sent, ${r.outbox.retry} to retry later, ${r.outbox.dead} dead, ${r.outbox.skipped} skipped.`);
});
