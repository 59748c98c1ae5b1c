import type { Role } from '@/db/schema';
import { isRole } from './roles';

// Session rules as pure functions over (claims, user row, now), so they are tested without a
// request (docs/decisions/005-tokens-and-sessions.md). Times are in seconds since the epoch.

/** A client session idles out after 7 days, a staff session after 12 hours. */
export const SESSION_IDLE_SECONDS: Record<Role, number> = {
  CLIENT: 7 * 24 * 60 * 60,
  ADMIN: 12 * 60 * 60,
  SUPER_ADMIN: 12 * 60 * 60,
};
/** No session outlives this, however active: counted from the sign-in (`authTime`). */
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;
/** The cookie/JWT lifetime, renewed whenever the session is refreshed: the longest idle period. */
export const SESSION_COOKIE_MAX_AGE = Math.max(...Object.values(SESSION_IDLE_SECONDS));
/**
 * Activity is recorded (and the cookie re-issued) at most this often. Between refreshes no
 * response carries the session cookie, so a response still in flight when the user signs out
 * (a prefetch, say) can hardly ever put the old cookie back (decision 005).
 */
export const SESSION_REFRESH_SECONDS = 5 * 60;

export type Viewer = {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  role: Role;
  emailVerified: boolean;
};

/** What our JWT carries besides Auth.js' defaults. */
export type SessionClaims = {
  id: string;
  /** This session's own random id (sign-out ends this one session on the server). */
  sid: string;
  role: Role;
  sessionVersion: number;
  /** When the user signed in with their password (fixed for the life of the session). */
  authTime: number;
  /** The last request that refreshed the session cookie. */
  lastActive: number;
};

/** The columns session validation needs. */
export type SessionUserRow = {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  role: Role;
  emailVerified: boolean;
  active: boolean;
  sessionVersion: number;
  /** This session (by its `sid`) was signed out. */
  signedOut?: boolean;
};

export function nowSeconds(date: Date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** Reads our claims from a decoded JWT or a session's `user`; null when any is missing or malformed. */
export function readClaims(source: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!source) return null;
  const { id, sid, role, sessionVersion, authTime } = source;
  const lastActive = source.lastActive ?? authTime;
  if (typeof id !== 'string' || id.length === 0 || typeof sid !== 'string' || sid.length === 0) return null;
  if (!isRole(role) || !isInt(sessionVersion) || !isInt(authTime) || !isInt(lastActive)) return null;
  return { id, sid, role, sessionVersion, authTime, lastActive };
}

/** Why a session is over, or null while it is alive (time rules only). */
export function expiryReason(claims: SessionClaims, role: Role, now: number): 'max-age' | 'idle' | null {
  if (now - claims.authTime > SESSION_MAX_SECONDS) return 'max-age';
  if (now - claims.lastActive > SESSION_IDLE_SECONDS[role]) return 'idle';
  return null;
}

/**
 * The jwt-callback step run on every session read (proxy included, so no database): ends an
 * idle or too-old session (null clears the cookie) and otherwise records the activity, at most
 * once per SESSION_REFRESH_SECONDS (`lastActive === now` then tells the proxy to keep the new cookie).
 */
export function touchClaims<T extends Record<string, unknown>>(token: T, now: number): T | null {
  const claims = readClaims(token);
  if (!claims) return null;
  if (expiryReason(claims, claims.role, now)) return null;
  if (now - claims.lastActive < SESSION_REFRESH_SECONDS) return token;
  return { ...token, lastActive: now };
}

/**
 * The viewer for a session, or null when the session no longer stands: it was signed out, the
 * account is gone, deactivated or unverified, its session_version moved on (password reset or change elsewhere,
 * deactivation, `endSessions`), its role changed since sign-in, or the session idled out /
 * passed its 30-day cap (judged by the role in the database, so a promotion to staff shortens
 * the idle period at once).
 */
export function validateSession(
  claims: SessionClaims | null,
  row: SessionUserRow | null | undefined,
  now: number,
): Viewer | null {
  if (!claims || !row) return null;
  if (row.id !== claims.id) return null;
  if (!row.active || !row.emailVerified || row.signedOut) return null;
  if (row.sessionVersion !== claims.sessionVersion) return null;
  if (row.role !== claims.role) return null;
  if (expiryReason(claims, row.role, now)) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    company: row.company,
    role: row.role,
    emailVerified: row.emailVerified,
  };
}

