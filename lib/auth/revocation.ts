import type { DbOrTx } from '@/db';
import { bumpSessionVersion } from '@/db/queries/accounts';

/**
 * Ends every session of the user on their very next request: bumps users.session_version, which
 * every session is checked against (lib/auth/session.ts). Call it inside the transaction that
 * deactivates the user, changes their role or resets their password.
 */
export async function endSessions(tx: DbOrTx, userId: string): Promise<void> {
  await bumpSessionVersion(tx, userId);
}
