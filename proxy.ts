import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAME, SESSION_COOKIE_OPTIONS } from './auth.config';
import { nowSeconds, readClaims, SESSION_COOKIE_MAX_AGE, touchClaims, type SessionClaims } from './lib/auth/claims';
import { gate } from './lib/auth/routes';
import {
  decodeSessionToken,
  encodeSessionToken,
  sessionCookieNames,
  sessionTokenFrom,
} from './lib/auth/session-token';
import { databaseDown, REQUEST_PATH_HEADER } from './lib/db-availability';
import { buildCsp, createNonce } from './lib/security/csp';
import { hstsHeader, isHttpsUrl, referrerPolicyFor } from './lib/security/headers';
import { refuseForeignOrigin } from './lib/security/origin';
import { unavailableResponse } from './lib/unavailable-page';
import { badAddressResponse, undecodablePath } from './lib/bad-address';

// Next 16's middleware: a coarse route gate on the session JWT alone (no database).
// It never replaces the checks in pages, actions and the data access layer (requireUser), which
// also catch what a JWT cannot know: deactivation, a changed role or password, a reset.
//
// It also applies the jwt callback's rule (auth.config.ts, `touchClaims`): an idle or too-old
// session ends, and every few minutes of activity the session is renewed (sliding idle timeout;
// decision 005). It reads and seals the JWT with Auth.js' own decode/encode rather than through
// Auth.js' middleware wrapper, which runs the whole session endpoint and re-encrypts the cookie
// on every request only for us to drop it (decision 008, twelfth round).

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

/** What this response does with the session cookie. */
type CookieChange = { kind: 'none' } | { kind: 'end' } | { kind: 'renew'; token: string };

/**
 * The claims the gate may trust, and what to do with the cookie: end a session that idled out,
 * passed its cap or does not decrypt; renew one whose activity is due to be recorded. A server
 * action never changes the cookie here: sign-in, sign-out and the password change set it
 * themselves.
 */
async function readSession(
  request: NextRequest,
  isAction: boolean,
): Promise<{ claims: SessionClaims | null; change: CookieChange }> {
  const token = sessionTokenFrom(request.cookies.getAll());
  if (!token) return { claims: null, change: { kind: 'none' } };
  const payload = await decodeSessionToken(token);
  const touched = payload && touchClaims(payload, nowSeconds());
  const claims = readClaims(touched);
  if (!touched || !claims) return { claims: null, change: isAction ? { kind: 'none' } : { kind: 'end' } };
  if (touched === payload || isAction) return { claims, change: { kind: 'none' } };
  return { claims, change: { kind: 'renew', token: await encodeSessionToken(touched) } };
}

/**
 * A renewed session, or the removal of an ended one. Nothing else: a response still in flight at
 * sign-out (a prefetch) then almost never carries the old cookie back, and sign-out is enforced
 * on the server anyway (decision 005).
 */
function applyCookieChange(response: NextResponse, request: NextRequest, change: CookieChange) {
  if (change.kind === 'renew') {
    const options = { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_COOKIE_MAX_AGE };
    response.cookies.set(SESSION_COOKIE_NAME, change.token, options);
  } else if (change.kind === 'end') {
    const options = { ...SESSION_COOKIE_OPTIONS, maxAge: 0 };
    for (const name of sessionCookieNames(request.cookies.getAll())) response.cookies.set(name, '', options);
  }
}

/** Redirects go to AUTH_URL's origin when it is set (as Auth.js' wrapper did), else the request's. */
function publicOrigin(request: NextRequest): string {
  const configured = process.env.AUTH_URL?.trim();
  return configured ? new URL(configured).origin : request.nextUrl.origin;
}

/** Answer for themselves while the database is down: the health check (503 JSON) and cron. */
const OWN_OUTAGE_ANSWER = /^\/api\/(health|cron)(\/|$)/;

// Next's default serverActions.bodySizeLimit (1 MB). Next 16.4 refuses a larger action body with a
// 500 (its 413 becomes a generic action error); answer a plain 413 first, when the length is known.
const ACTION_BODY_LIMIT = 1024 * 1024;

export async function proxy(request: NextRequest) {
  // A path Next.js cannot decode would end in its bare 500 (lib/bad-address.ts).
  if (undecodablePath(request.nextUrl.pathname)) return badAddressResponse(request);
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

  const { claims, change } = await readSession(request, isAction);
  const decision = gate(request.nextUrl.pathname, request.nextUrl.search, claims?.role ?? null);
  const { csp, requestHeaders } = securityContext(request);
  // The request's own path and query go along (set here, never taken from the client), so a
  // render that meets a database outage can send the browser back to it (lib/outage.ts).
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response =
    decision.action === 'redirect'
      ? NextResponse.redirect(new URL(decision.to, publicOrigin(request)))
      : NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response, request, csp);
  applyCookieChange(response, request, change);
  return response;
}

export const config = {
  // Everything except Next's assets and files with an extension (favicon.ico, images, robots.txt…).
  matcher: ['/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)'],
};
