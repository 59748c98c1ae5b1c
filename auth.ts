import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { userForLoginGrant } from '@/db/queries/accounts';
import { authConfig } from './auth.config';

// The full Auth.js setup (server code only; proxy.ts uses auth.config.ts alone).
//
// The Credentials provider accepts a one-time login grant, never a password: the password,
// the throttle and the account checks all run first in `signInWithPassword` (db/queries/accounts.ts),
// which gives the precise answers Auth.js' `authorize` cannot, and hashes the password once.
// Setup and accept-invite create grants the same way. POSTing a password to
// /api/auth/callback/credentials therefore signs nobody in.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: 'credentials',
      credentials: { grant: {} },
      async authorize(credentials) {
        const user = await userForLoginGrant(credentials?.grant);
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
});
