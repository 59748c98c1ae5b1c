import { expect, test } from '@playwright/test';
import { DEMO } from '../e2e/helpers/accounts';
import { changedTables, closeDatabase, postAction, record, signIn, snapshot, sql } from './harness';

// The detectors the other specs rely on must be able to fail: an allowed write shows up in the
// snapshot, and a refused one does not.
test.afterAll(closeDatabase);

test('a write the viewer may make changes the snapshot; the same write on a foreign ticket does not', async () => {
  const a = await signIn(DEMO.client1.email, DEMO.password);
  const ownAndForeign = async (email: string) =>
    (
      await sql<{ ticket_number: string }>(
        `select t.ticket_number from support_tickets t join users u on u.id = t.client_id
          where u.email = $1 and t.status <> 'CLOSED' order by t.created_at limit 1`,
        [email],
      )
    )[0].ticket_number;
  const own = await ownAndForeign(DEMO.client1.email);
  const foreign = await ownAndForeign(DEMO.client2.email);

  const before = await snapshot();
  const allowed = await postAction(a, 'replyAction', [own, { content: 'Harness check: an allowed reply.' }]);
  expect(allowed.result).toMatchObject({ ok: true });
  const middle = await snapshot();
  expect(changedTables(before, middle)).toContain('ticket_comments');

  const refused = await postAction(a, 'replyAction', [foreign, { content: 'Harness check: a foreign reply.' }]);
  expect(refused.result).toMatchObject({ ok: false });
  expect(changedTables(middle, await snapshot())).toEqual([]);
  record({ area: 'Harness', label: 'detector self-checks', value: 2, failures: 0 });
});
