import type { Role } from '@/db/schema';
import { homeFor, isStaff } from './roles';

// The coarse route gate run by proxy.ts on the JWT alone (no database). It only decides where a
// request should go; every page, action and query still checks the viewer itself.

export const PUBLIC_PREFIXES = [
  '/login',
  '/register',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/accept-invite',
  '/setup',
  '/api/health',
  '/api/auth',
  '/api/cron',
] as const;

const CLIENT_PREFIXES = ['/dashboard', '/projects', '/tickets'] as const;
const STAFF_PREFIXES = ['/admin'] as const;

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => under(pathname, p));
}

export type GateDecision = { action: 'next' } | { action: 'redirect'; to: string };

/**
 * @param pathname the request path
 * @param search the query string including `?` (or '')
 * @param role the role in the session JWT, or null when signed out
 */
export function gate(pathname: string, search: string, role: Role | null): GateDecision {
  if (isPublicPath(pathname)) return { action: 'next' };

  if (!role) {
    if (pathname === '/') return { action: 'redirect', to: '/login' };
    const back = `${pathname}${search}`;
    return { action: 'redirect', to: `/login?${new URLSearchParams({ callbackUrl: back })}` };
  }

  if (pathname === '/') return { action: 'redirect', to: homeFor(role) };
  if (!isStaff(role) && STAFF_PREFIXES.some((p) => under(pathname, p))) {
    return { action: 'redirect', to: homeFor(role) };
  }
  if (isStaff(role) && CLIENT_PREFIXES.some((p) => under(pathname, p))) {
    return { action: 'redirect', to: homeFor(role) };
  }
  return { action: 'next' };
}
