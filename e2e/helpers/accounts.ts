// The demo accounts that scripts/e2e-server.mjs loads with `npm run db:seed` (db/seed.ts) before
// the server under test starts. All share one password.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../../db/seed';
import { E2E_CRON_SECRET } from '../../scripts/lib/e2e-constants.mjs';

export type Account = DemoAccount & { password: string };

function account(key: DemoAccount['key']): Account {
  const found = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return { ...found, password: DEMO_PASSWORD };
}

/**
 * DEMO.password; DEMO.superAdmin / DEMO.admin; DEMO.clients[0..4] (client1@acme.test …
 * client5@hooli.test, with name and company), also as DEMO.client1 … DEMO.client5; DEMO.staff.
 */
export const DEMO = {
  password: DEMO_PASSWORD,
  superAdmin: account('super'),
  admin: account('admin'),
  client1: account('client1'),
  client2: account('client2'),
  client3: account('client3'),
  client4: account('client4'),
  client5: account('client5'),
  clients: (['client1', 'client2', 'client3', 'client4', 'client5'] as const).map(account),
  staff: [account('super'), account('admin')],
  all: DEMO_ACCOUNTS.map((a) => account(a.key)),
} as const;

export { DEMO_PASSWORD };

/** CRON_SECRET of the server under test: `Authorization: Bearer ${CRON_SECRET}` on /api/cron/…. */
export const CRON_SECRET: string = E2E_CRON_SECRET;
