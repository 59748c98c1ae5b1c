// npm start [-- next start options, e.g. -p 8080]: the production server, one `next start` per
// core (WEB_CONCURRENCY overrides; one on embedded PGlite). docs/decisions/015-one-server-per-core.md
import { createRequire } from 'node:module';
import path from 'node:path';
// @next/env is CommonJS without static named exports: take loadEnvConfig from the default export.
import nextEnv from '@next/env';
import { runCluster, workerCount } from './lib/cluster.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
// The same .env files `next start` reads, so the count follows the DATABASE_URL the servers use.
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

const count = workerCount(process.env);
if (!count.ok) {
  console.error(`npm start: ${count.error}`);
  process.exit(1);
}
console.log(`npm start: ${count.workers} server(s), ${count.why}`);
// Each server learns how many share the machine (lib/auth/passwords.ts splits the hashing budget).
process.env.WEB_CONCURRENCY = String(count.workers);
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
process.exitCode = await runCluster({ exec: nextBin, args: ['start', ...process.argv.slice(2)], workers: count.workers });
