import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, run } from './database';

// Runs scripts/bench/floor-child.ts in its own process (tsx + the server-only hook) against the
// bench database: per page, the statements the data-access functions send, their time in a loop
// (the floor) and their EXPLAIN (ANALYZE, BUFFERS) plans.

export type FloorPage = {
  queries: number;
  floor?: { iterations: number; p50: number; p95: number; mean: number };
  plans?: { sql: string; params: unknown[]; executionMs: number | null; seqScans: string[]; plan: string }[];
  error?: string;
};

export async function runFloor(input: {
  databaseUrl: string;
  cursor: string;
  seconds: number;
  maxIterations: number;
  plans: boolean;
  floor: boolean;
}): Promise<Record<string, FloorPage>> {
  const output = path.join(os.tmpdir(), `portal-bench-floor-${process.pid}.json`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: input.databaseUrl,
    DATABASE_DRIVER: '',
    PGLITE_DIR: '',
    DB_QUERY_COUNTER: '',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-floor-secret-not-used-for-anything-0000',
    BENCH_FLOOR_INPUT: JSON.stringify(input),
    BENCH_FLOOR_OUTPUT: output,
  };
  await run(
    process.execPath,
    ['--import', 'tsx', '--import', path.join(ROOT, 'scripts/bench/server-only-hook.mjs'), path.join(ROOT, 'scripts/bench/floor-child.ts')],
    env,
  );
  const result = JSON.parse(fs.readFileSync(output, 'utf8')) as Record<string, FloorPage>;
  fs.rmSync(output, { force: true });
  return result;
}
