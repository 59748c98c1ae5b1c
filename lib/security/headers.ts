// Security headers other than the CSP (docs/decisions/009-security-headers.md).
// Pure and free of path aliases: next.config.ts imports this file too.

/** Pages whose URL carries a secret token (emailed links). */
export const TOKEN_PAGES = ['/reset-password', '/verify-email', '/accept-invite'] as const;

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * True for a page whose URL carries a token: the emailed-link pages, and — defensively — any
 * URL with a `token` query parameter. Such a page must not leak its URL in a Referer header
 * (a link or image on it, or a redirect) — hence `no-referrer`.
 */
export function isTokenPage(pathname: string, search: string | URLSearchParams = ''): boolean {
  if (TOKEN_PAGES.some((page) => under(pathname.toLowerCase().replace(/\/+$/, '') || '/', page))) return true;
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return params.has('token');
}

export const DEFAULT_REFERRER_POLICY = 'strict-origin-when-cross-origin';

export function referrerPolicyFor(pathname: string, search: string | URLSearchParams = ''): string {
  return isTokenPage(pathname, search) ? 'no-referrer' : DEFAULT_REFERRER_POLICY;
}

/** Browser features the portal never uses, switched off for it and for anything it embeds. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/**
 * Headers that are the same on every response: sent by next.config.ts `headers()` on every path
 * (pages, route handlers, Next's static files, 404 and error pages). The per-request ones — the
 * CSP with its nonce, HSTS (read from APP_URL at run time, not at build time) and the
 * token-page Referrer-Policy — are set by proxy.ts.
 */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // Superseded by CSP frame-ancestors 'none' in current browsers; kept for older ones.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: DEFAULT_REFERRER_POLICY },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
];

/** True when the URL is an https one. */
export function isHttpsUrl(url: string | undefined | null): boolean {
  return /^https:\/\//i.test(url?.trim() ?? '');
}

export const HSTS_VALUE = 'max-age=31536000';

/**
 * HSTS only in production and only when the portal's public URL (APP_URL) is https. Browsers
 * ignore the header on plain http anyway (RFC 6797 §8.1), and sending it from a development
 * server on localhost would pin https onto every other app served on localhost.
 * No includeSubDomains or preload: they would bind every other host of the agency's domain.
 */
export function hstsHeader(nodeEnv: string | undefined, appUrl: string | undefined): string | null {
  return nodeEnv === 'production' && isHttpsUrl(appUrl) ? HSTS_VALUE : null;
}

/**
 * Whether cookies we set must be `Secure`: always in production (the session cookie then also
 * takes the `__Secure-` prefix; Chromium accepts that on http://localhost), and in any other
 * mode when the portal's public URL (APP_URL or AUTH_URL) is https.
 */
export function secureCookies(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.NODE_ENV === 'production' || isHttpsUrl(env.APP_URL) || isHttpsUrl(env.AUTH_URL);
}

/**
 * The CSP of the few responses proxy.ts never sees (Next's static files, and paths that look
 * like a file, such as a 404 for `/x.php`): no nonce, so no inline script at all. A page
 * rendered there still shows its server HTML; only its scripts stay off.
 */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";
