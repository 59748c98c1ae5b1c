import type { DefaultSession } from 'next-auth';
import type { Role } from '@/db/schema';

// Our claims on Auth.js' types (STACK-NOTES: Session in next-auth, JWT in @auth/core/jwt).

declare module 'next-auth' {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }

  interface Session {
    user: {
      id: string;
      sid: string;
      role: Role;
      sessionVersion: number;
      authTime: number;
      lastActive: number;
    } & DefaultSession['user'];
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    id?: string;
    sid?: string;
    role?: Role;
    sessionVersion?: number;
    authTime?: number;
    lastActive?: number;
  }
}
