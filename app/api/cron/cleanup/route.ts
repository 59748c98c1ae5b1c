import { runCleanup } from '@/lib/auth/cleanup';
import { safeEqual } from '@/lib/crypto';
import { env } from '@/lib/env';
import { refuseForeignOrigin } from '@/lib/security/origin';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * POST /api/cron/cleanup with `Authorization: Bearer $CRON_SECRET` (compared in constant time):
 * token, outbox and rate-limit housekeeping plus the mail retry pass; answers the counts.
 * 503 while CRON_SECRET is unset, 401 for any other caller. Other methods: 405 (Next.js).
 * A scheduler sends no Origin header; a request from a browser on another site (a foreign
 * Origin) is refused with 403 before anything else.
 */
export async function POST(request: Request) {
  const refused = refuseForeignOrigin(request);
  if (refused) return refused;
  const secret = env().CRON_SECRET;
  if (!secret) {
    return Response.json({ error: 'CRON_SECRET is not configured' }, { status: 503, headers: noStore });
  }
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !safeEqual(match[1], secret)) {
    return Response.json(
      { error: 'Unauthorized' },
      { status: 401, headers: { ...noStore, 'WWW-Authenticate': 'Bearer' } },
    );
  }
  const report = await runCleanup();
  return Response.json({ ok: true, ...report }, { headers: noStore });
}

// Vercel Cron calls its paths with GET and the same `Authorization: Bearer $CRON_SECRET` header
// (vercel.json). A bearer header cannot be forged cross-site, so GET is as safe as POST here.
export const GET = POST;
