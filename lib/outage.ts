import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isConnectionError, noteDatabaseError, REQUEST_PATH_HEADER } from './db-availability';

/**
 * For every read a page makes while it renders (the session in the layouts, the header's bell, the
 * page's own queries): no page has a loading boundary, so a failure there can only be a 500
 * (docs/decisions/011, 012; tests/foundation/outage-reads.test.ts checks every read). When the
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
