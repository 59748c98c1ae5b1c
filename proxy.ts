import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig, SESSION_COOKIE_NAME } from './auth.config';
import { nowSeconds, readClaims } from './lib/auth/claims';
import { gate } from './lib/auth/routes';
import { databaseDown, REQUEST_PATH_HEADER } from './lib/db-availability';
import { buildCsp, createNonce } from './lib/security/csp';
import { hstsHeader, isHttpsUrl, referrerPolicyFor } from './lib/security/headers';
import { refuseForeignOrigin } from './lib/security/origin';
import { unavailableResponse } from './lib/unavailable-page';

// Next 16's middleware: a coarse route gate on the session JWT alone (database-free config).
// It never replaces the checks in pages, actions and the data access layer (requireUser), which
// also catch what a JWT cannot know: deactivation, a changed role or password, a reset.
//
// The Auth.js wrapper also runs the jwt callback, which ends idle sessions and, every few
// minutes of activity, renews the session (sliding idle timeout; decision 005).
const { auth } = NextAuth(authConfig);

const REFRESHED = 'x-portal-session-refreshed';
const CSP = 'content-security-policy';

/**
 * A fresh nonce and CSP for this request (docs/decisions/009-security-headers.md). Next.js reads
 * the nonce from the *request's* CSP header while rendering and puts it on its scripts;
 * `x-nonce` hands it to app/layout.tsx for next-themes' inline script.
 */
function securityContext(request: NextRequest) {
  const nonce = createNonce();
  const csp = buildCsp({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    https: isHttpsUrl(process.env.APP_URL),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(CSP, csp);
  requestHeaders.set('x-nonce', nonce);
  return { csp, requestHeaders };
}

/**
 * The per-request response headers. The constant ones (X-Frame-Options, nosniff, the default
 * Referrer-Policy, Permissions-Policy) come from next.config.ts `headers()` on every path;
 * a header set here wins over the same header from next.config.
 */
function applySecurityHeaders(response: Response, request: NextRequest, csp: string) {
  response.headers.set(CSP, csp);
  response.headers.set('referrer-policy', referrerPolicyFor(request.nextUrl.pathname, request.nextUrl.search));
  // Read at run time: APP_URL under `next start` may differ from the one at build time.
  const hsts = hstsHeader(process.env.NODE_ENV, process.env.APP_URL);
  if (hsts) response.headers.set('strict-transport-security', hsts);
}

const gated = auth((req) => {
  const claims = readClaims(req.auth?.user as Record<string, unknown> | undefined);
  const decision = gate(req.nextUrl.pathname, req.nextUrl.search, claims?.role ?? null);
  const { csp, requestHeaders } = securityContext(req);
  // The request's own path and query go along (set here, never taken from the client), so a
  // render that meets a database outage can send the browser back to it (lib/outage.ts).
  requestHeaders.set(REQUEST_PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
  const response =
    decision.action === 'redirect'
      ? NextResponse.redirect(new URL(decision.to, req.nextUrl.origin))
      : NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response, req, csp);
  // touchClaims moves lastActive to "now" only when it renews the session (never at sign-in,
  // where lastActive === authTime).
  if (claims && claims.lastActive > claims.authTime && claims.lastActive >= nowSeconds() - 1) {
    response.headers.set(REFRESHED, '1');
  }
  return response;
});

function isSessionCookie(setCookie: string): boolean {
  return setCookie.startsWith(`${SESSION_COOKIE_NAME}=`) || setCookie.startsWith(`${SESSION_COOKIE_NAME}.`);
}

function isDeletion(setCookie: string): boolean {
  return /;\s*max-age=0/i.test(setCookie) || /;\s*expires=Thu, 01 Jan 1970/i.test(setCookie);
}

/** Answer for themselves while the database is down: the health check (503 JSON) and cron. */
const OWN_OUTAGE_ANSWER = /^\/api\/(health|cron)(\/|$)/;

// Next's default serverActions.bodySizeLimit (1 MB). Next 16.4 refuses a larger action body with a
// 500 (its 413 becomes a generic action error); answer a plain 413 first, when the length is known.
const ACTION_BODY_LIMIT = 1024 * 1024;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // The database is known to be unreachable (lib/db-availability.ts; no query here): a friendly
  // 503 instead of a page or an action failing with a 500. A probe clears it once it is back.
  if (databaseDown() && !OWN_OUTAGE_ANSWER.test(request.nextUrl.pathname)) return unavailableResponse(request);
  const isAction = request.method === 'POST' && request.headers.has('next-action');
  if (isAction && Number(request.headers.get('content-length')) > ACTION_BODY_LIMIT) {
    return new NextResponse('Request body too large.', { status: 413, headers: { 'content-type': 'text/plain' } });
  }
  // Next refuses a cross-origin action too, but by throwing (a 500): answer the attack plainly.
  const refused = isAction ? refuseForeignOrigin(request) : null;
  if (refused) return refused;
  const response = (await gated(request, event as never)) as Response;
  const refreshed = response.headers.get(REFRESHED) === '1';
  response.headers.delete(REFRESHED);

  // The wrapper re-issues the session cookie on every response. Keep it only when it carries
  // news: a renewed session (at most every 5 minutes), or the removal of an ended one — so a
  // response still in flight at sign-out (a prefetch) almost never carries the old cookie, and
  // sign-out is enforced on the server anyway (decision 005). Never on a server action: sign-in,
  // sign-out and the password change set the cookie themselves. (Next.js strips the RSC and
  // prefetch headers before the proxy, so prefetches cannot be told apart here.)
  const cookies = response.headers.getSetCookie();
  const kept = cookies.filter((c) => !isSessionCookie(c) || (!isAction && (isDeletion(c) || refreshed)));
  if (kept.length !== cookies.length) {
    response.headers.delete('set-cookie');
    for (const cookie of kept) response.headers.append('set-cookie', cookie);
  }
  return response;
}

export const config = {
  // Everything except Next's assets and files with an extension (favicon.ico, images, robots.txt…).
  matcher: ['/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)'],
};
