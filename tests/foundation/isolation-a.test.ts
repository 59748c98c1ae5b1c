import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { users } from '@/db/schema';

// Two identical files: whichever runs second would see the first one's marker, user row or
// mailbox if test files shared a process, a database or a mailbox folder.
const marker = globalThis as unknown as { __isolationMarker?: string };

describe('test file isolation', () => {
  it('starts with fresh module state, an empty database and an empty mailbox', async () => {
    expect(marker.__isolationMarker).toBeUndefined();
    marker.__isolationMarker = import.meta.url;
    const before = await db.select().from(users);
    expect(before).toEqual([]);
    await db.insert(users).values({ email: `isolation-${process.pid}@example.test` });
    const fs = await import('node:fs');
    expect(fs.readdirSync(process.env.MAILBOX_DIR!)).toEqual([]);
    fs.writeFileSync(`${process.env.MAILBOX_DIR}/marker.json`, '{}');
    const count = await db.execute(sql`select count(*)::int as n from users`);
    expect((count.rows[0] as { n: number }).n).toBe(1);
  });
});
