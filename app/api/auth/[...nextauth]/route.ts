import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { refuseForeignOrigin } from '@/lib/security/origin';

// Auth.js' own endpoints (session, csrf, signout, the credentials callback). Sign-in itself goes
// through the /login server action; the credentials callback accepts only a one-time login grant.
export const { GET } = handlers;

/**
 * Auth.js checks its own CSRF token on POST; a foreign Origin is still refused here first, with
 * a plain 403 instead of Auth.js' redirect to an error page (docs/decisions/009).
 */
export async function POST(request: NextRequest) {
  return refuseForeignOrigin(request) ?? handlers.POST(request);
}
