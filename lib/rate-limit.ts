import type { DbOrTx } from '@/db';
import { deleteCounter, hitCounter, readCounters } from '@/db/queries/rate-limits';
import { sha256Hex } from '@/lib/crypto';

// Every limit of the portal, in one place (docs/decisions/006-rate-limits.md). There is
// deliberately no environment override: a test that needs a fresh window clears the rows.
//
// Sign-in counts FAILED attempts only, so the people who type their password right are never
// slowed down (and the browser suite, which signs in many times from one address, never trips).
// Requests that send mail (register, forgot-password, resend-verification) count every request
// per client IP; per address they are limited silently, so the answer stays the same for known
// and unknown addresses.
export const RATE_LIMITS = {
  /** Failed sign-ins for one account (any IP). */
  loginAccount: { max: 5, windowSeconds: 15 * 60 },
  /** Failed sign-ins from one IP (any account). */
  loginIp: { max: 50, windowSeconds: 15 * 60 },
  /** Forgot-password requests from one IP. */
  forgotIp: { max: 20, windowSeconds: 15 * 60 },
  /** Reset mails to one address (silent: the answer is neutral either way). */
  forgotAccount: { max: 5, windowSeconds: 60 * 60 },
  /** Registrations from one IP. */
  registerIp: { max: 20, windowSeconds: 60 * 60 },
  /** "Someone tried to register with your address" mails to one address (silent). */
  registerAccount: { max: 3, windowSeconds: 60 * 60 },
  /** Resend-verification requests from one IP. */
  resendIp: { max: 20, windowSeconds: 15 * 60 },
  /** Verification mails to one address (silent). */
  resendAccount: { max: 5, windowSeconds: 60 * 60 },
} as const satisfies Record<string, { max: number; windowSeconds: number }>;

export type LimitName = keyof typeof RATE_LIMITS;

/** Accounts are keyed by a hash of the address, so the table holds no email addresses. */
export function limitKey(name: LimitName, subject: string): string {
  return `${name}:${sha256Hex(subject.trim().toLowerCase()).slice(0, 32)}`;
}

export type LimitState = { limited: boolean; retryAfterSeconds: number };

const OPEN: LimitState = { limited: false, retryAfterSeconds: 0 };

export type LimitCheck = LimitState & { hits: Partial<Record<LimitName, number>> };

function secondsUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));
}

/** Whether any of the counters is already at its limit (does not count a hit). */
export async function checkLimits(db: DbOrTx, checks: Array<[LimitName, string]>): Promise<LimitCheck> {
  const keys = checks.map(([name, subject]) => limitKey(name, subject));
  const rows = await readCounters(db, keys);
  let state: LimitState = OPEN;
  const hits: LimitCheck['hits'] = {};
  for (const [name, subject] of checks) {
    const row = rows.find((r) => r.key === limitKey(name, subject));
    if (row) hits[name] = row.hits;
    if (row && row.hits >= RATE_LIMITS[name].max) {
      const retry = secondsUntil(row.resetAt);
      if (!state.limited || retry > state.retryAfterSeconds) state = { limited: true, retryAfterSeconds: retry };
    }
  }
  return { ...state, hits };
}

/** Counts one hit; `limited` when this hit went over the limit. */
export async function hitLimit(db: DbOrTx, name: LimitName, subject: string): Promise<LimitState> {
  const { windowSeconds, max } = RATE_LIMITS[name];
  const row = await hitCounter(db, limitKey(name, subject), windowSeconds);
  return row.hits > max ? { limited: true, retryAfterSeconds: secondsUntil(row.resetAt) } : OPEN;
}

export async function clearLimit(db: DbOrTx, name: LimitName, subject: string): Promise<void> {
  await deleteCounter(db, limitKey(name, subject));
}

/** "Too many attempts. Try again in N minutes." */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/**
 * The client address used for per-IP limits. Behind a trusted proxy (AUTH_TRUST_HOST=true, or on
 * Vercel) the platform overwrites `X-Forwarded-For`, so its first entry is the client. Otherwise
 * the connection address is what Next.js itself puts into `X-Forwarded-For` when the header is
 * absent; with no proxy in front we take the last entry (the nearest hop). See decision 006.
 */
export function clientIp(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  const trusted = env.AUTH_TRUST_HOST === 'true' || env.AUTH_TRUST_HOST === '1' || !!env.VERCEL;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = (trusted ? forwarded[0] : forwarded.at(-1)) ?? (trusted ? headers.get('x-real-ip') : null);
  const ip = candidate?.trim();
  if (!ip || ip.length > 64 || !/^[0-9a-fA-F:.]+$/.test(ip)) return 'unknown';
  return ip.replace(/^::ffff:/, '');
}
