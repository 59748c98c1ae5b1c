import { handlers } from '@/auth';

// Auth.js' own endpoints (session, csrf, signout, the credentials callback). Sign-in itself goes
// through the /login server action; the credentials callback accepts only a one-time login grant.
export const { GET, POST } = handlers;
