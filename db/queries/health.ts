import { sql } from 'drizzle-orm';
import { db } from '@/db';

/** One round trip to the database; rejects when it cannot be reached. */
export async function pingDatabase(): Promise<void> {
  await db.execute(sql`select 1`);
}
