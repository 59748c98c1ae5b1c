import os from 'node:os';
import { hash as argonHash, verify as argonVerify, type Algorithm } from '@node-rs/argon2';
import { verify as bcryptVerify } from '@node-rs/bcrypt';
import { dictionary } from '@zxcvbn-ts/language-common';

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

// ── A cap on concurrent hash work ───────────────────────────────────────────────────────────
// Each argon2id/bcrypt call runs on libuv's thread pool (4 threads) and keeps a core busy for
// ~50–100 ms. Without a cap, a burst of sign-ins takes every core from the pages being rendered
// (the bench's sign-in storm: /tickets p95 2.5 × quiet). With at most `limit` hashes at once per
// process (default: half the cores, at least 1) the rest wait their turn in a FIFO queue: a
// sign-in during a storm is slower, the pages are not. The event loop is never blocked either way.
// PASSWORD_HASH_CONCURRENCY overrides the limit. Every path (hash, verify, dummy) goes through it,
// so an unknown address still costs the same wait as a wrong password.
function hashConcurrencyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number.parseInt(env.PASSWORD_HASH_CONCURRENCY ?? '', 10);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, 64);
  return Math.max(1, Math.floor(os.availableParallelism() / 2));
}

const gate = { limit: hashConcurrencyLimit(), active: 0, waiting: [] as (() => void)[] };

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (gate.active >= gate.limit) await new Promise<void>((resolve) => gate.waiting.push(resolve));
  else gate.active++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (active stays the same), or free it.
    const next = gate.waiting.shift();
    if (next) next();
    else gate.active--;
  }
}

/** The hashing gate's state (tests and diagnostics): its limit, hashes running, hashes queued. */
export function hashingLoad(): { limit: number; active: number; queued: number } {
  return { limit: gate.limit, active: gate.active, queued: gate.waiting.length };
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
