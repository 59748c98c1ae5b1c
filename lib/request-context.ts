import 'server-only';
import { headers } from 'next/headers';
import type { ActivityContext } from '@/db/queries/activity';

/** IP and user agent of the current request, for the activity log (server actions only). */
export async function requestContext(): Promise<ActivityContext> {
  try {
    const h = await headers();
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    return { ip: forwarded || h.get('x-real-ip') || null, userAgent: h.get('user-agent') };
  } catch {
    return {};
  }
}
