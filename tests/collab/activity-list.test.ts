import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { activityLog } from '@/db/schema';
import { NotFoundError } from '@/lib/action-result';
import { ACTIONS_PRESENT, activityActions, activityListQuery, listActivity, logActivity } from '@/db/queries/activity';
import { encodeCursor } from '@/db/queries/keyset';
import { planWithoutSeqScans } from '../helpers/db';
import { createUser, type TestViewer } from '../helpers/factories';
import { expectRejects } from '../portal/helpers';

// /admin/activity at the size of a real log (docs/decisions/008-performance.md, fourteenth
// round): the Actor filter is a search, the Action filter's choices come from a loose index scan,
// and the newest-first list reads an index instead of sorting the log.

let superAdmin: TestViewer;
let admin: TestViewer;
let rosa: TestViewer;
let victor: TestViewer;

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);

async function entry(actor: TestViewer | null, action: string, minutes: number) {
  await logActivity(db, { actorId: actor?.id ?? null, action, entityType: 'test', entityId: `e-${minutes}` });
  // logActivity stamps clock_timestamp(); the tests want a known order.
  await db.execute(sql`update activity_log set created_at = ${at(minutes).toISOString()}::timestamptz where entity_id = ${`e-${minutes}`}`);
}

beforeAll(async () => {
  superAdmin = (await createUser({ role: 'SUPER_ADMIN' })).viewer;
  admin = (await createUser({ role: 'ADMIN', name: 'Ada Quillfeather', company: 'The Agency' })).viewer;
  rosa = (await createUser({ name: 'Rosa Turner', company: 'Harbor Bakery' })).viewer;
  victor = (await createUser({ name: 'Victor Young', email: 'victor@quillpress.example', company: 'Maple Media' })).viewer;
  await entry(rosa, 'ticket.created', 1);
  await entry(admin, 'ticket.status_changed', 2);
  await entry(victor, 'auth.sign_in', 3);
  await entry(rosa, 'auth.sign_in', 4);
  await entry(null, 'user.deleted', 5);
});

const actions = (page: { items: { action: string; entityId: string }[] }) => page.items.map((e) => e.entityId);

describe('the Actor search', () => {
  it('matches name, email or company, newest first, and combines with the other filters', async () => {
    expect(actions(await listActivity(superAdmin, { actor: 'turner' }))).toEqual(['e-4', 'e-1']);
    expect(actions(await listActivity(superAdmin, { actor: 'HARBOR bak' }))).toEqual(['e-4', 'e-1']);
    // "quill" is in Ada's name and in Victor's email.
    expect(actions(await listActivity(superAdmin, { actor: 'quill' }))).toEqual(['e-3', 'e-2']);
    expect(actions(await listActivity(superAdmin, { actor: 'quill', action: 'auth.sign_in' }))).toEqual(['e-3']);
    expect(actions(await listActivity(superAdmin, { actor: 'turner', to: '2026-01-01', from: '2026-01-01' }))).toEqual(['e-4', 'e-1']);
    // One or two characters match the start of a name, email or company.
    expect(actions(await listActivity(superAdmin, { actor: 'ro' }))).toEqual(['e-4', 'e-1']);
  });

  it('answers an empty page when no account matches, without reading the log', async () => {
    const none = await listActivity(superAdmin, { actor: 'nobody-like-this' });
    expect(none).toEqual({ items: [], nextCursor: null, prevCursor: null });
    expect((await activityListQuery(superAdmin, { actor: 'nobody-like-this' })).query).toBeNull();
  });

  it('treats % and _ as text, and keeps the exact actorId filter of links', async () => {
    expect(actions(await listActivity(superAdmin, { actor: '%' }))).toEqual([]);
    expect(actions(await listActivity(superAdmin, { actorId: rosa.id }))).toEqual(['e-4', 'e-1']);
    expect(actions(await listActivity(superAdmin, { actorId: rosa.id, actor: 'young' }))).toEqual([]);
  });

  it('still answers when more than 1,000 accounts match (the subquery form)', async () => {
    await db.execute(sql`
      insert into users (email, name, company, role, email_verified, active)
      select 'bulk-' || n || '@example.test', 'Bulk ' || n, 'Zephyr Holdings', 'CLIENT', true, true
      from generate_series(1, 1001) n`);
    const [one] = (await db.execute<{ id: string }>(sql`select id from users where email = 'bulk-777@example.test'`)).rows;
    await logActivity(db, { actorId: one!.id, action: 'auth.sign_in', entityType: 'user', entityId: one!.id });
    const page = await listActivity(superAdmin, { actor: 'zephyr' });
    expect(page.items.map((e) => e.actorEmail)).toEqual(['bulk-777@example.test']);
  });
});

describe('pages', () => {
  it('walk the log newest first with keyset cursors, forwards and back, ties in time included', async () => {
    // 120 entries; every third shares its time with the next, so the id decides their order.
    for (let n = 0; n < 120; n++) {
      await logActivity(db, { actorId: rosa.id, action: 'ticket.created', entityType: 'paging', entityId: `p-${n}` });
    }
    await db.execute(sql`
      update activity_log set created_at = timestamptz '2026-03-01' + (substring(entity_id from 3)::int / 2) * interval '1 minute'
      where entity_type = 'paging'`);
    const all = (
      await db.execute<{ entity_id: string }>(sql`select entity_id from activity_log where entity_type = 'paging' order by created_at desc, id desc`)
    ).rows.map((r) => r.entity_id);
    expect(all).toHaveLength(120);

    const pages = [await listActivity(superAdmin, { entityType: 'paging' })];
    while (pages.at(-1)!.nextCursor) pages.push(await listActivity(superAdmin, { entityType: 'paging', cursor: pages.at(-1)!.nextCursor! }));
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(pages.flatMap(actions)).toEqual(all);
    expect(pages[0]!.prevCursor).toBeNull();
    expect(pages[2]!.nextCursor).toBeNull();

    // Back from the last page, then from the middle one: the same pages again.
    const back = await listActivity(superAdmin, { entityType: 'paging', cursor: pages[2]!.prevCursor! });
    expect(actions(back)).toEqual(actions(pages[1]!));
    const first = await listActivity(superAdmin, { entityType: 'paging', cursor: back.prevCursor! });
    expect(actions(first)).toEqual(actions(pages[0]!));
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
  });

  it('start again from the newest entries for a cursor that is broken or made for another list', async () => {
    const newest = actions(await listActivity(superAdmin, { entityType: 'paging' }));
    const foreign = encodeCursor({ s: 'last_reply', k: '2026-03-01T00:10:00.000000Z', id: 'x', d: 'n' });
    for (const cursor of ['not-a-cursor', foreign, 'x'.repeat(600)]) {
      expect(actions(await listActivity(superAdmin, { entityType: 'paging', cursor })), cursor.slice(0, 20)).toEqual(newest);
    }
  });
});

describe('the Action choices', () => {
  it('are the actions present in the log, A to Z, each once; SUPER_ADMIN only', async () => {
    const found = await activityActions(superAdmin);
    const expected = (await db.selectDistinct({ a: activityLog.action }).from(activityLog)).map((r) => r.a).sort();
    expect(found).toEqual(expected);
    expect(found).toEqual(expect.arrayContaining(['auth.sign_in', 'ticket.created', 'ticket.status_changed', 'user.deleted']));
    await expectRejects(() => activityActions(admin), NotFoundError);
    await expectRejects(() => listActivity(admin, { actor: 'turner' }), NotFoundError);
    await expectRejects(() => activityListQuery(admin, { actor: 'turner' }), NotFoundError);
  });
});

describe('plans at the size of a real log', () => {
  it('reads the newest entries from idx_activity_log_created_at, with no sort, on every page', async () => {
    const edge = { s: 'created', k: '2026-01-01T00:03:00.000000Z', id: 'e', d: 'n' } as const;
    const older = encodeCursor(edge);
    for (const input of [{}, { cursor: older }, { from: '2026-01-01', to: '2026-02-01' }]) {
      const { query } = await activityListQuery(superAdmin, input);
      const text = await planWithoutSeqScans(query!);
      expect(text, `${JSON.stringify(input)}\n${text}`).toMatch(/Index Scan Backward using idx_activity_log_created_at/);
      expect(text, `${JSON.stringify(input)}\n${text}`).not.toMatch(/\bSort\b/);
    }
    // A later page starts at its cursor inside the index (no OFFSET: nothing read and dropped).
    const { query: later } = await activityListQuery(superAdmin, { cursor: older });
    expect(later!.toSQL().sql).not.toMatch(/offset/i);
    expect(await planWithoutSeqScans(later!)).toMatch(/Index Cond: \(ROW\(created_at, id\) < ROW\(/);
    // "Previous" walks the same index forwards.
    const { query: newer } = await activityListQuery(superAdmin, { cursor: encodeCursor({ ...edge, d: 'p' }) });
    const text = await planWithoutSeqScans(newer!);
    expect(text).toMatch(/Index Scan using idx_activity_log_created_at/);
    expect(text).not.toMatch(/\bSort\b/);
  });

  it('finds the distinct actions by probing idx_activity_log_action, not by reading the log', async () => {
    const text = await planWithoutSeqScans(ACTIONS_PRESENT);
    expect(text).toMatch(/Recursive Union/);
    expect(text).toMatch(/idx_activity_log_action/);
    expect(text).not.toMatch(/HashAggregate|Unique|Seq Scan/);
  });
});
