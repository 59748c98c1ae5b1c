import { db } from '@/db';
import { deleteExpiredTokens } from '@/db/queries/accounts';
import { deleteOldSubmissions } from '@/db/queries/idempotency';
import { deleteSentOutbox } from '@/db/queries/outbox';
import { deleteExpiredCounters } from '@/db/queries/rate-limits';
import { retryDue, type DeliveryReport } from '@/lib/email/outbox';

// The periodic housekeeping behind `npm run db:cleanup` and POST /api/cron/cleanup:
// the spec's token cleanup (expired, never used), SENT mail older than 30 days, ended rate-limit
// windows (and used login-grant nonces), form idempotency keys older than a week, then one retry
// pass over the outbox.

export const SENT_MAIL_RETENTION_DAYS = 30;

export type CleanupReport = {
  passwordResets: number;
  emailVerifications: number;
  sentMail: number;
  rateLimits: number;
  formSubmissions: number;
  outbox: DeliveryReport;
};

export async function runCleanup(): Promise<CleanupReport> {
  const tokens = await deleteExpiredTokens(db);
  const sentMail = await deleteSentOutbox(db, SENT_MAIL_RETENTION_DAYS);
  const rateLimits = await deleteExpiredCounters(db);
  const formSubmissions = await deleteOldSubmissions(db);
  const outbox = await retryDue();
  return { ...tokens, sentMail, rateLimits, formSubmissions, outbox };
}
