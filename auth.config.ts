import type { NextAuthConfig } from 'next-auth';
import { nowSeconds, readClaims, SESSION_COOKIE_MAX_AGE, touchClaims } from '@/lib/auth/claims';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { secureCookies as needsSecureCookies } from '@/lib/security/headers';

// The database-free half of the Auth.js setup, shared by proxy.ts (which runs on every request
// and must not open the database) and auth.ts (which adds the Credentials provider).
// Decisions: docs/decisions/005-tokens-and-sessions.md.

// Secure (and `__Secure-` prefixed) in production, and whenever APP_URL or AUTH_URL is https
// (docs/decisions/009-security-headers.md).
const secureCookies = needsSecureCookies(process.env);
/** The session cookie (httpOnly, SameSite=Lax; Secure and `__Secure-` prefixed as above). */
export const SESSION_COOKIE_NAME = secureCookies ? '__Secure-authjs.session-token' : 'authjs.session-token';
export const SESSION_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies } as const;
const appOrigin = process.env.APP_URL?.trim() || 'http://localhost:3000';

export const authConfig = {
  // We never build a URL from the Host header (mail links come from APP_URL, redirects are
  // same-origin paths), so Auth.js may accept whatever host the platform forwards.
  trustHost: true,
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_COOKIE_MAX_AGE },
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: { name: SESSION_COOKIE_NAME, options: SESSION_COOKIE_OPTIONS },
  },
  providers: [],
  callbacks: {
    /**
     * Sign-in copies our claims from the user `authorize` returned; every later read ends an
     * idle (7 days for clients, 12 hours for staff) or 30-day-old session and records activity.
     * `trigger === 'update'` (POST /api/auth/session from the browser) is ignored on purpose:
     * claims are never taken from the client.
     */
    jwt({ token, user }) {
      const now = nowSeconds();
      if (user) {
        if (!user.id || !user.role || typeof user.sessionVersion !== 'number') return null;
        return {
          ...token,
          sub: user.id,
          id: user.id,
          sid: crypto.randomUUID(),
          role: user.role,
          sessionVersion: user.sessionVersion,
          authTime: now,
          lastActive: now,
        };
      }
      return touchClaims(token, now);
    },
    session({ session, token }) {
      const claims = readClaims(token);
      if (!claims) return { ...session, user: undefined } as unknown as typeof session;
      return {
        ...session,
        user: {
          ...session.user,
          id: claims.id,
          sid: claims.sid,
          role: claims.role,
          sessionVersion: claims.sessionVersion,
          authTime: claims.authTime,
          lastActive: claims.lastActive,
        },
      };
    },
    /** Only same-origin paths: anything else lands on the home page. */
    redirect({ url }) {
      return safeCallbackPath(url, appOrigin) ?? '/';
    },
  },
} satisfies NextAuthConfig;
