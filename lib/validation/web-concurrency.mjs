// WEB_CONCURRENCY: how many `next start` servers `npm start` runs on this machine
// (docs/decisions/015-one-server-per-core.md). Plain JavaScript so that the launcher
// (scripts/lib/cluster.mjs, which Node runs without a build) and lib/env.ts check it alike.
import { z } from 'zod';

export const webConcurrencySchema = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number({ message: 'expected a whole number from 1 to 64' }).int().min(1).max(64).optional(),
);
