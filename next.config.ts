import type { NextConfig } from 'next';
import { FALLBACK_CSP, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and WASM database/hash modules must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', '@node-rs/bcrypt', 'pg', 'ws'],
  // No `experimental.serverActions.allowedOrigins`: Next.js then refuses a server action whose
  // Origin is not the request's host (tests/security-unit/next-config.test.ts keeps it that way).
  async headers() {
    return [
      // Every response, 404s, error pages, route handlers and Next's static files included
      // (docs/decisions/009-security-headers.md). The proxy replaces the fallback CSP with the
      // one carrying this request's nonce, and sets HSTS and the token pages' Referrer-Policy.
      { source: '/:path*', headers: [...STATIC_SECURITY_HEADERS, { key: 'Content-Security-Policy', value: FALLBACK_CSP }] },
    ];
  },
};

export default nextConfig;
