import os from 'node:os';
import { hash as argonHash, verify as argonVerify, type Algorithm } from '@node-rs/argon2';
import { verify as bcryptVerify } from '@node-rs/bcrypt';
import { dictionary } from '@zxcvbn-ts/language-common';
import { envSchema } from '@/lib/env';

// argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1) on a native binding that hashes on
// libuv's thread pool, so sign-ins never stall the event loop (docs/decisions/003-password-hashing.md).
const ARGON2_OPTIONS = {
  // Algorithm.Argon2id: the binding declares a const enum, which isolatedModules cannot inline.
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

// The length rules live with the shared form schemas; re-exported here so this module's API stays.
export { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from '@/lib/validation/auth';

// ── A cap on hash work ──────────────────────────────────────────────────────────────────────
// Each argon2id/bcrypt call runs on libuv's thread pool (4 threads) and keeps a core busy for
// ~25–100 ms. Without a cap, a burst of sign-ins takes every core from the pages being rendered.
// Two limits, per process (PASSWORD_HASH_CONCURRENCY and PASSWORD_HASH_DUTY_CYCLE, validated in
// lib/env.ts; docs/decisions/008-performance.md):
// - at most `limit` hashes at once (default: half the cores, at least 1, shared between the
//   servers on the machine: hashGateLimits); the rest wait their turn in a FIFO queue;
// - while others wait, a slot hashes at most `duty` of the time (default 0.25): after a hash of
//   d ms it rests d × (1/duty − 1) ms before the next in line starts, so queued sign-ins are
//   paced. A successful sign-in costs about 4 × its hash in all (the session, and the page it
//   opens rendered into its reply), so pacing on the hash paces the whole sign-in. On 2 cores the
//   bench's storm took /tickets p95 to 2.2–3.2 × quiet with no rest, 1.9–2.7 × at 0.4 and
//   1.4–1.75 × at 0.25 (docs/decisions/008-performance.md); a lone sign-in never waits.
// A sign-in during a storm is slower, the pages are not. The event loop is never blocked either
// way. Every path (hash, verify, dummy) goes through the gate, so an unknown address still costs
// the same wait as a wrong password.
// Read with lib/env's own rules for these variables (not the whole environment: the CLI
// scripts hash passwords without the app's other settings); a bad value falls back to the default,
// and start-up (instrumentation.ts) has already refused it with a message.
function setting(name: 'PASSWORD_HASH_CONCURRENCY' | 'PASSWORD_HASH_DUTY_CYCLE' | 'WEB_CONCURRENCY', env: Record<string, string | undefined>): number | undefined {
  const parsed = envSchema.shape[name].safeParse(env[name]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The gate's limits. The defaults are the machine's hashing budget (half its cores, at least one
 * slot, at a duty of 0.25) split between the WEB_CONCURRENCY servers `npm start` runs on it
 * (scripts/start.mjs): two servers on 2 cores get one slot each at 0.125, so a storm hashes no
 * more than it did with one server (docs/decisions/015-one-server-per-core.md).
 */
export function hashGateLimits(env: Record<string, string | undefined> = process.env, cores = os.availableParallelism()): { limit: number; duty: number } {
  const share = Math.max(1, Math.floor(cores / 2)) / (setting('WEB_CONCURRENCY', env) ?? 1);
  return {
    limit: setting('PASSWORD_HASH_CONCURRENCY', env) ?? Math.max(1, Math.floor(share)),
    duty: setting('PASSWORD_HASH_DUTY_CYCLE', env) ?? Math.max(0.05, 0.25 * Math.min(1, share)),
  };
}

const limits = hashGateLimits();
// The rest after a hash, as a multiple of the hash's own time (duty 0.25 → 3, 0.5 → 1, 1 → 0).
const gate = { limit: limits.limit, rest: 1 / limits.duty - 1, active: 0, resting: 0, waiting: [] as (() => void)[] };

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (gate.active >= gate.limit) await new Promise<void>((resolve) => gate.waiting.push(resolve));
  else gate.active++;
  const started = performance.now();
  try {
    return await work();
  } finally {
    // Hand the slot to the next in line (active stays the same), after its rest; or free it.
    const next = gate.waiting.shift();
    if (!next) gate.active--;
    else if (gate.rest > 0) {
      gate.resting++;
      setTimeout(() => {
        gate.resting--;
        next();
      }, (performance.now() - started) * gate.rest);
    } else next();
  }
}

/** The hashing gate's state (tests and diagnostics): limits, slots in use (hashing or resting), queue. */
export function hashingLoad(): { limit: number; rest: number; active: number; resting: number; queued: number } {
  return { limit: gate.limit, rest: gate.rest, active: gate.active, resting: gate.resting, queued: gate.waiting.length };
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => argonHash(password, ARGON2_OPTIONS));
}

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/** Verifies argon2id hashes and legacy bcrypt ones ($2a$/$2b$/$2y$); the latter ask for a re-hash. */
export async function verifyPassword(password: string, stored: string | null): Promise<PasswordCheck> {
  if (!stored) {
    await dummyVerify(password);
    return { ok: false, needsRehash: false };
  }
  try {
    if (/^\$2[aby]\$/.test(stored)) {
      const ok = await limited(() => bcryptVerify(password, stored));
      return { ok, needsRehash: ok };
    }
    const ok = await limited(() => argonVerify(stored, password));
    const needsRehash = ok && !stored.startsWith(`$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`);
    return { ok, needsRehash };
  } catch {
    return { ok: false, needsRehash: false };
  }
}

// An argon2id hash with the very parameters above (of a throwaway password), fixed in the source
// so that even the first unknown-address sign-in after a start spends exactly one verification.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$Y3cmFtR+lIRIp7W+lK/u7g$1Z+p2OoGfiQqOyOXnxLRMFkYe/OFJN+sjXKaUbtEjek';

/** Spends the same time as a real verification, so an unknown email answers as slowly as a wrong password. */
export async function dummyVerify(password: string): Promise<void> {
  await limited(() => argonVerify(DUMMY_HASH, password)).catch(() => false);
}

const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** True when the password is on the bundled list of common passwords (zxcvbn-ts's list). */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
