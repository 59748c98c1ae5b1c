import { env } from '@/lib/env';

/**
 * An absolute link into the portal, always built from APP_URL — never from request headers, so
 * a forged Host header can never put someone else's domain into a mail.
 */
export function appUrl(path: string, params?: Record<string, string>): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`appUrl expects an absolute path, got "${path}"`);
  const url = new URL(env().APP_URL + path);
  for (const [key, value] of Object.entries(params ?? {})) url.searchParams.set(key, value);
  return url.toString();
}
