// Cross-origin refusal for route handlers that change state (docs/decisions/009).
// Next.js compares Origin with Host for server actions, but not for route handlers: every
// handler exporting POST, PUT, PATCH or DELETE calls `refuseForeignOrigin(request)` first
// (tests/security-unit/route-handlers.test.ts checks that none forgets).

/** Where a request may come from: its own host, plus the portal's public origins. */
export type OriginPolicy = {
  /** Full origins (scheme://host[:port]) that are always ours: APP_URL and AUTH_URL. */
  trustedOrigins: readonly string[];
};

export type OriginVerdict =
  | { ok: true; reason: 'same-origin' | 'trusted-origin' | 'no-origin' }
  | { ok: false; reason: 'opaque-origin' | 'malformed-origin' | 'foreign-origin' | 'cross-site-fetch' };

function originOf(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** APP_URL's and AUTH_URL's origins, from the environment. */
export function policyFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): OriginPolicy {
  const trustedOrigins = [originOf(env.APP_URL) ?? 'http://localhost:3000', originOf(env.AUTH_URL)].filter(
    (o): o is string => o !== null,
  );
  return { trustedOrigins };
}

/** The host the client addressed: the first X-Forwarded-Host (set by a proxy), else Host. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return (forwarded || headers.get('host')?.trim() || null)?.toLowerCase() ?? null;
}

/**
 * The decision, as a pure function of the request headers:
 * - no Origin header: allowed (curl, cron and other non-browser clients; every current browser
 *   sends Origin on a POST), unless `Sec-Fetch-Site: cross-site` says a browser sent it from
 *   another site;
 * - `Origin: null` (sandboxed frames, some redirects): refused — it cannot be attributed;
 * - otherwise the Origin must be APP_URL's or AUTH_URL's origin, or name the very host the
 *   request was sent to (as Next.js does for server actions).
 */
export function checkOrigin(headers: Headers, policy: OriginPolicy): OriginVerdict {
  const origin = headers.get('origin');
  if (origin === null) {
    return headers.get('sec-fetch-site') === 'cross-site'
      ? { ok: false, reason: 'cross-site-fetch' }
      : { ok: true, reason: 'no-origin' };
  }
  if (origin.trim() === 'null') return { ok: false, reason: 'opaque-origin' };
  const normalized = originOf(origin);
  if (!normalized || normalized !== origin.trim().replace(/\/$/, '').toLowerCase()) {
    return { ok: false, reason: 'malformed-origin' };
  }
  if (policy.trustedOrigins.includes(normalized)) return { ok: true, reason: 'trusted-origin' };
  const host = requestHost(headers);
  if (host && new URL(normalized).host === host) return { ok: true, reason: 'same-origin' };
  return { ok: false, reason: 'foreign-origin' };
}

/**
 * For a route handler: null when the request may proceed, otherwise the 403 to return.
 * `policy` defaults to APP_URL and AUTH_URL from the environment.
 */
export function refuseForeignOrigin(request: Request, policy: OriginPolicy = policyFromEnv()): Response | null {
  const verdict = checkOrigin(request.headers, policy);
  if (verdict.ok) return null;
  return Response.json(
    { error: 'Cross-origin request refused' },
    { status: 403, headers: { 'Cache-Control': 'no-store' } },
  );
}
