import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionUser } from '@/db/queries/accounts';
import type { Role } from '@/db/schema';
import { rethrowOutage } from '@/lib/outage';
import { nowSeconds, readClaims, validateSession, type SessionClaims, type Viewer } from './claims';
import { homeFor } from './roles';
import { decodeSessionToken, sessionTokenFrom } from './session-token';

export type { Viewer };

/**
 * Our claims from the session cookie, read through `cookies()` — which, unlike the request
 * headers Auth.js' `auth()` reads, already holds a cookie set earlier in the same request (a
 * server action that re-issued the session re-renders with the new one). The JWT is decrypted
 * and its expiry checked by Auth.js' own `decode`.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const token = sessionTokenFrom((await cookies()).getAll());
  if (!token) return null;
  return readClaims(await decodeSessionToken(token));
}

/**
 * The signed-in user for this request, or null. Reads the session JWT, loads the user row once
 * per request (React `cache`) and rejects inactive and unverified accounts, a stale
 * session_version (password reset or change, deactivation, `endSessions`), a changed role and
 * expired sessions (lib/auth/claims.ts `validateSession`).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // The first read of every signed-in page: an outage → the 503 page (lib/outage.ts).
  const row = await loadSessionUser(claims.id, claims.sid).catch(rethrowOutage);
  return validateSession(claims, row, nowSeconds());
});

/**
 * The viewer, or a redirect: to /login without a valid session, to the role's home page when
 * `roles` is given and the viewer's role is not in it. Every page, layout, action and route
 * handler that touches data calls this.
 */
export async function requireUser(roles?: readonly Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  if (roles && !roles.includes(viewer.role)) redirect(homeFor(viewer.role));
  return viewer;
}
