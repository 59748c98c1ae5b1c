import { zodResolver } from '@hookform/resolvers/zod';
import { loginSchema } from '@/lib/validation/auth';

// Loaded by the sign-in form on first use (lib/lazy-resolver.ts): zod stays out of /login's first load.
export const loginResolver = zodResolver(loginSchema, undefined, { raw: true });
