import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { users } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * Who hears about client activity (a new project request, a new ticket, a client reply):
 * AGENCY_NOTIFY_EMAIL when it is set, else every active ADMIN and SUPER_ADMIN.
 * Read inside the caller's transaction so the list matches the change it reports.
 */
export async function staffRecipients(tx: DbOrTx): Promise<string[]> {
  const shared = env().AGENCY_NOTIFY_EMAIL;
  if (shared) return [shared];
  const rows = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, ['ADMIN', 'SUPER_ADMIN']), eq(users.active, true)))
    .orderBy(asc(users.email));
  return [...new Set(rows.map((r) => r.email))];
}
