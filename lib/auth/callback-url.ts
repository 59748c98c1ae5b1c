// `callbackUrl` is attacker-controlled (it arrives in a link). Only a path on our own origin is
// ever honoured; anything else — other hosts, protocol-relative `//host`, `/\host` (browsers read
// the backslash as a slash), look-alike hosts such as `https://portal.example.com.evil.com`,
// control characters that URL parsers strip — yields null and the caller falls back to the
// role's home page.

const PARSE_BASE = 'http://callback.invalid';

/**
 * A same-origin path (`/projects/abc?tab=1#x`) or null.
 * @param appOrigin APP_URL (any path is ignored); absolute URLs are accepted only on this origin.
 */
export function safeCallbackPath(value: unknown, appOrigin?: string): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (raw.length === 0 || raw.length > 2048) return null;
  // Tabs, newlines and other controls are removed by URL parsers and can turn `/\t/x` into `//x`.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;

  let url: URL;
  if (raw.startsWith('/')) {
    if (raw.startsWith('//')) return null;
    try {
      url = new URL(raw, PARSE_BASE);
    } catch {
      return null;
    }
    if (url.origin !== PARSE_BASE) return null;
  } else {
    if (!appOrigin) return null;
    let own: URL;
    try {
      url = new URL(raw);
      own = new URL(appOrigin);
    } catch {
      return null;
    }
    if (url.origin !== own.origin || url.username || url.password) return null;
  }

  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalise `/.//evil.com` into `//evil.com`: refuse whatever still looks
  // like a network path after parsing.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  return path;
}
