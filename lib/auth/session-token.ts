import { decode, encode } from 'next-auth/jwt';
import { SESSION_COOKIE_NAME } from '@/auth.config';
import { env } from '@/lib/env';
import { SESSION_COOKIE_MAX_AGE } from './claims';

// The session JWT, read and re-sealed with Auth.js' own `decode`/`encode` (salted with the cookie
// name, as Auth.js does). Shared by the pages (lib/auth/session.ts) and proxy.ts, so that neither
// runs Auth.js' whole session endpoint just to read a cookie (decision 005).

type Cookie = { name: string; value: string };

/** Auth.js splits a cookie over 4 kB into `name.0`, `name.1`, … (ours stays far smaller). */
function isChunk(name: string): boolean {
  return name.startsWith(`${SESSION_COOKIE_NAME}.`);
}

/** The session JWT among a request's cookies: the cookie itself, or its chunks joined in order. */
export function sessionTokenFrom(cookies: readonly Cookie[]): string | undefined {
  const whole = cookies.find((c) => c.name === SESSION_COOKIE_NAME)?.value;
  if (whole) return whole;
  const chunks = cookies
    .filter((c) => isChunk(c.name))
    .sort((a, b) => Number(a.name.split('.').pop()) - Number(b.name.split('.').pop()));
  return chunks.map((c) => c.value).join('') || undefined;
}

/** Every cookie that holds (part of) the session: what ending the session must delete. */
export function sessionCookieNames(cookies: readonly Cookie[]): string[] {
  return cookies.filter((c) => c.name === SESSION_COOKIE_NAME || isChunk(c.name)).map((c) => c.name);
}

/** The JWT's payload, or null when it does not decrypt with our secret or has expired. */
export async function decodeSessionToken(token: string): Promise<Record<string, unknown> | null> {
  try {
    const payload = await decode({ token, secret: env().AUTH_SECRET, salt: SESSION_COOKIE_NAME });
    return (payload ?? null) as Record<string, unknown> | null;
  } catch {
    return null;
  }
}

/** A renewed JWT for these claims, valid (like its cookie) for SESSION_COOKIE_MAX_AGE. */
export function encodeSessionToken(payload: Record<string, unknown>): Promise<string> {
  // `encode` sets iat, exp and jti afresh, over the old token's.
  const secret = env().AUTH_SECRET;
  return encode({ token: payload, secret, salt: SESSION_COOKIE_NAME, maxAge: SESSION_COOKIE_MAX_AGE });
}
