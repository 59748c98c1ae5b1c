// The pure parts of the security headers (docs/decisions/009-security-headers.md): the CSP
// builder, the token-page Referrer-Policy rule, HSTS and Secure-cookie conditions, next.config.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { buildCsp, createNonce, nonceFromCsp } from '@/lib/security/csp';
import {
  FALLBACK_CSP,
  hstsHeader,
  isTokenPage,
  referrerPolicyFor,
  secureCookies,
  STATIC_SECURITY_HEADERS,
  TOKEN_PAGES,
} from '@/lib/security/headers';

/** `directive → sources` of a CSP value. */
function parseCsp(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(map.has(name), `directive ${name} appears twice`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

describe('createNonce', () => {
  it('gives 16 random bytes in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
  });
});

describe('buildCsp', () => {
  const nonce = createNonce();
  const production = parseCsp(buildCsp({ nonce, dev: false, https: true }));

  it('allows scripts only with this response nonce (strict-dynamic), never inline or eval in production', () => {
    expect(production.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(production.get('script-src')).not.toContain("'unsafe-inline'");
    expect(production.get('script-src')).not.toContain("'unsafe-eval'");
    expect(production.has('script-src-elem')).toBe(false);
    expect(production.has('script-src-attr')).toBe(false);
  });

  it('locks objects, base, framing and form targets', () => {
    expect(production.get('default-src')).toEqual(["'self'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('form-action')).toEqual(["'self'"]);
    expect(production.get('connect-src')).toEqual(["'self'"]);
  });

  it("keeps 'unsafe-inline' for styles without a nonce (a nonce would switch it off)", () => {
    expect(production.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("adds 'unsafe-eval' for next dev only", () => {
    const dev = parseCsp(buildCsp({ nonce, dev: true, https: false }));
    expect(dev.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('upgrades insecure requests only on an https portal', () => {
    expect(production.has('upgrade-insecure-requests')).toBe(true);
    expect(parseCsp(buildCsp({ nonce, dev: false, https: false })).has('upgrade-insecure-requests')).toBe(false);
  });

  it('hands the nonce back the way Next.js extracts it, and refuses a nonce that could break the header', () => {
    expect(nonceFromCsp(buildCsp({ nonce, dev: false, https: false }))).toBe(nonce);
    expect(nonceFromCsp("script-src 'self'")).toBeNull();
    for (const bad of ['', 'short', "abcdefghijklmnopq'; script-src *", 'abcdefghijklmnop qrs']) {
      expect(() => buildCsp({ nonce: bad, dev: false, https: false })).toThrow();
    }
  });

  it('the fallback CSP (responses the proxy never sees) allows no inline script at all', () => {
    const fallback = parseCsp(FALLBACK_CSP);
    expect(fallback.get('script-src')).toEqual(["'self'"]);
    expect(fallback.get('frame-ancestors')).toEqual(["'none'"]);
    expect(fallback.get('object-src')).toEqual(["'none'"]);
    expect(fallback.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('Referrer-Policy', () => {
  it('is no-referrer on every page whose URL carries a token', () => {
    for (const page of TOKEN_PAGES) {
      expect(referrerPolicyFor(page, '?token=abc')).toBe('no-referrer');
      expect(referrerPolicyFor(page, '')).toBe('no-referrer');
      expect(referrerPolicyFor(`${page}/`, '')).toBe('no-referrer');
      expect(referrerPolicyFor(page.toUpperCase(), '')).toBe('no-referrer');
    }
    // Any URL with a token parameter, defensively.
    expect(referrerPolicyFor('/login', '?token=abc')).toBe('no-referrer');
    expect(isTokenPage('/settings', new URLSearchParams({ token: 'x' }))).toBe(true);
  });

  it('is strict-origin-when-cross-origin elsewhere', () => {
    for (const [pathname, search] of [
      ['/', ''],
      ['/login', '?callbackUrl=%2Fdashboard'],
      ['/dashboard', ''],
      ['/reset-passwords', ''],
      ['/verify-emailx', ''],
      ['/admin/users', '?tokens=1'],
      ['/api/health', ''],
    ]) {
      expect(referrerPolicyFor(pathname, search), pathname).toBe('strict-origin-when-cross-origin');
    }
  });

  it('covers every page under app/(auth) that reads a token from its URL', () => {
    const authDir = path.join(process.cwd(), 'app/(auth)');
    const readingToken = fs
      .readdirSync(authDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .filter((entry) => {
        const file = path.join(authDir, entry.name, 'page.tsx');
        return fs.existsSync(file) && /\btoken\b/.test(fs.readFileSync(file, 'utf8'));
      })
      .map((entry) => `/${entry.name}`)
      .sort();
    expect(readingToken.length).toBeGreaterThanOrEqual(3);
    expect([...TOKEN_PAGES].sort()).toEqual(readingToken);
  });
});

describe('HSTS and Secure cookies', () => {
  it('sends HSTS only in production on an https APP_URL', () => {
    expect(hstsHeader('production', 'https://portal.example.com')).toBe('max-age=31536000');
    expect(hstsHeader('production', 'http://portal.example.com')).toBeNull();
    expect(hstsHeader('production', undefined)).toBeNull();
    expect(hstsHeader('development', 'https://portal.example.com')).toBeNull();
    expect(hstsHeader('test', 'https://portal.example.com')).toBeNull();
  });

  it('makes cookies Secure in production, or whenever APP_URL or AUTH_URL is https', () => {
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'http://localhost:3000' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'development', APP_URL: 'https://portal.example.com' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'development', AUTH_URL: 'https://portal.example.com' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'development', APP_URL: 'http://localhost:3000' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'test' })).toBe(false);
  });
});

describe('next.config', () => {
  it('hides x-powered-by and leaves the server-action Origin check alone', () => {
    expect(nextConfig.poweredByHeader).toBe(false);
    const experimental = (nextConfig.experimental ?? {}) as { serverActions?: { allowedOrigins?: string[] } };
    expect(experimental.serverActions?.allowedOrigins ?? []).toEqual([]);
  });

  it('sends the constant headers on every path', async () => {
    const rules = await nextConfig.headers!();
    const everywhere = rules.find((rule) => rule.source === '/:path*' && !rule.has && !rule.missing);
    expect(everywhere).toBeDefined();
    const byKey = Object.fromEntries(everywhere!.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(byKey).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'content-security-policy': FALLBACK_CSP,
    });
    expect(byKey['permissions-policy']).toMatch(/camera=\(\)/);
    expect(STATIC_SECURITY_HEADERS.map((h) => h.key.toLowerCase())).not.toContain('strict-transport-security');
  });
});
