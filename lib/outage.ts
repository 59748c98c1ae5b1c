import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isConnectionError, noteDatabaseError, REQUEST_PATH_HEADER } from './db-availability';

/**
 * For the reads that run above a page's loading boundary — the session in the layouts and the
 * header's notification bell — where a failure can only be a 500 (docs/decisions/011). When the
 * database went away mid-render, the request is redirected to its own URL, which proxy.ts then
 * answers with the friendly 503 page; any other error is rethrown as it was.
 */
export async function rethrowOutage(error: unknown): Promise<never> {
  if (isConnectionError(error)) {
    noteDatabaseError(error);
    const path = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/');
  }
  throw error;
}
