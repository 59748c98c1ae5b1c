import { randomBytes } from 'node:crypto';
import { hmac, safeEqual } from '@/lib/crypto';

// A login grant: the proof, handed from our own password check (or from setup / accept-invite)
// to Auth.js' Credentials `authorize`, that this user may be signed in now. It lets the login
// hash the password once instead of twice (decision 005). It is HMAC-signed with a key derived
// from AUTH_SECRET, lives 60 seconds, names the user and their session_version, and its nonce
// is consumed in the database, so it works once. It never leaves the server: `signIn()` hands it
// to Auth.js in-process.

export const GRANT_TTL_SECONDS = 60;
const LABEL = 'login-grant/v1';

export type LoginGrant = { userId: string; sessionVersion: number; nonce: string; expiresAt: number };

export function createLoginGrant(
  user: { id: string; sessionVersion: number },
  nowSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const payload: LoginGrant = {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    nonce: randomBytes(16).toString('base64url'),
    expiresAt: nowSeconds + GRANT_TTL_SECONDS,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${hmac(LABEL, body)}`;
}

/** The grant's content when its signature holds and it has not expired; null otherwise. */
export function readLoginGrant(grant: unknown, nowSeconds: number = Math.floor(Date.now() / 1000)): LoginGrant | null {
  if (typeof grant !== 'string' || grant.length > 1024) return null;
  const [body, signature, extra] = grant.split('.');
  if (!body || !signature || extra !== undefined) return null;
  if (!safeEqual(signature, hmac(LABEL, body))) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const p = payload as Partial<LoginGrant>;
  if (
    typeof p.userId !== 'string' ||
    typeof p.sessionVersion !== 'number' ||
    typeof p.nonce !== 'string' ||
    typeof p.expiresAt !== 'number'
  ) {
    return null;
  }
  if (nowSeconds > p.expiresAt) return null;
  return p as LoginGrant;
}
