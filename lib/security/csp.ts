// The Content-Security-Policy of every response that goes through proxy.ts, with a fresh nonce
// per request (docs/decisions/009-security-headers.md). Pure functions: tested without a server.
//
// Next.js reads the nonce back from the *request's* Content-Security-Policy header (the proxy
// passes it on) and puts it on its own scripts: the framework runtime, the page chunks and the
// inline RSC payload. `'strict-dynamic'` lets those trusted scripts load the chunks they need;
// browsers that understand it ignore 'self' in script-src, older ones fall back to it.

export type CspOptions = {
  /** A fresh, unguessable value for this request (see createNonce). */
  nonce: string;
  /**
   * `next dev` only: React rebuilds server error stacks in the browser with eval(). Never in a
   * production build (neither React nor Next.js call eval there).
   */
  dev: boolean;
  /** Add `upgrade-insecure-requests` (only when the portal is served over https). */
  https: boolean;
};

/** 16 random bytes, base64: a nonce for one response (Web Crypto, so it also runs in the proxy). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

export function buildCsp({ nonce, dev, https }: CspOptions): string {
  if (!NONCE_PATTERN.test(nonce)) throw new Error('buildCsp: the nonce must be base64 and at least 16 characters');
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // 'unsafe-inline' for styles, and deliberately no nonce here (a nonce would switch
    // 'unsafe-inline' off): server-rendered `style="…"` attributes (Radix popovers, progress
    // bars, recharts) cannot carry a nonce, and sonner, react-remove-scroll (Radix dialogs),
    // next-themes and the chart component insert <style> elements at run time without one.
    // Inline CSS cannot run script; what it could still do (read attribute values through
    // selectors and leak them in image or font URLs) is held back by img-src, font-src and
    // connect-src 'self'.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    // 'self' also covers same-origin ws:// for `next dev`'s hot reload in current browsers.
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'self'"],
    ...(https ? ([['upgrade-insecure-requests']] as Array<[string]>) : []),
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** The nonce inside a CSP value (what Next.js itself extracts), or null. */
export function nonceFromCsp(csp: string | null | undefined): string | null {
  const match = /'nonce-([^']+)'/.exec(csp ?? '');
  return match ? match[1] : null;
}
