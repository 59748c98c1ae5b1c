import { pingDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

const TIMEOUT_MS = 3000;

// Public and read-only: tells a load balancer whether this instance can reach its database.
export async function GET() {
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)),
    ]);
    return Response.json({ status: 'ok', db: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json(
      { status: 'error', db: 'unreachable' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
    );
  }
}
