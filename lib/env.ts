import { z } from 'zod';
import { webConcurrencySchema } from '@/lib/validation/web-concurrency.mjs';

// Every environment variable the portal reads, validated once. A bad value stops start-up with
// one line per variable that names it and says what is expected (see instrumentation.ts).

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, { message: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  DATABASE_DRIVER: z.preprocess(
    emptyToUndefined,
    z.enum(['pglite', 'pg', 'neon'], { message: 'expected pglite, pg or neon' }).optional(),
  ),
  PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/pglite')),
  // Connections each server's pool may open (pg and Neon drivers; db/index.ts). With `npm start`
  // running one server per core, the database sees up to WEB_CONCURRENCY × this many.
  DATABASE_POOL_MAX: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'expected a whole number from 1 to 100' }).int().min(1).max(100).default(10),
  ),
  AUTH_SECRET: z
    .string({ message: 'is required: a random string of at least 32 characters (openssl rand -base64 32)' })
    .min(32, { message: 'expected at least 32 characters (openssl rand -base64 32)' }),
  APP_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, message: 'expected an http(s) URL such as https://portal.example.com' })
      .default('http://localhost:3000')
      .transform((u) => u.replace(/\/+$/, '')),
  ),
  RESEND_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  EMAIL_FROM: z.preprocess(
    emptyToUndefined,
    z.string().min(3, { message: 'expected a sender such as "Agency <portal@example.com>"' }).default('Agency Portal <portal@localhost>'),
  ),
  MAILBOX_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/mailbox')),
  ALLOW_REGISTRATION: bool(true),
  AGENCY_NOTIFY_EMAIL: z.preprocess(emptyToUndefined, z.email({ message: 'expected an email address' }).optional()),
  // Mail outbox (docs/decisions/007-email-outbox.md): the first retry waits this long, then
  // 2×, 4×, 8× (the faults test shortens it); a provider that does not answer within
  // MAIL_SEND_TIMEOUT_SECONDS is a failed attempt. Keep the timeout below the backoff: the claim's
  // backoff is also the lease that keeps a second sender off a mail still being sent.
  OUTBOX_BACKOFF_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'expected a whole number of seconds' }).int().min(1).max(3600).default(60),
  ),
  MAIL_SEND_TIMEOUT_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'expected a whole number of seconds' }).int().min(1).max(300).default(15),
  ),
  // Password hashing gate (lib/auth/passwords.ts; docs/decisions/008-performance.md): hashes at
  // once per process (default half the cores, at least 1) and the share of its time a slot may
  // hash while sign-ins queue (default 0.25: it rests 3 × as long as it hashed).
  PASSWORD_HASH_CONCURRENCY: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'expected a whole number from 1 to 64' }).int().min(1).max(64).optional(),
  ),
  PASSWORD_HASH_DUTY_CYCLE: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'expected a number from 0.1 to 1' }).min(0.1).max(1).optional(),
  ),
  // Servers `npm start` runs on this machine (scripts/start.mjs sets it for each of them, checked
  // by the same schema): the hashing gate's defaults are split between them.
  WEB_CONCURRENCY: webConcurrencySchema,
  CRON_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(16, { message: 'expected at least 16 characters' }).optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

/** Validates a set of variables; each error is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const errors = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    return `${name}: ${issue.message}`;
  });
  return { ok: false, errors };
}

let cached: Env | undefined;

/** The validated environment; throws one readable error if it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) throw new Error(`Invalid environment: ${result.errors.join('; ')}`);
  cached = result.env;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
