import { createHash, timingSafeEqual } from 'node:crypto';

export const dynamic = 'force-dynamic';

// Bench mode only (`npm run bench`, bench/README.md): the number of SQL statements this process
// has sent since it started, counted by db/index.ts when DB_QUERY_COUNTER=1. The bench reads it
// before and after each page to report queries per request. Anywhere else — the counter off, no
// BENCH_SECRET, or a wrong x-bench-secret header — the route answers 404 like a missing page.

const digest = (value: string) => createHash('sha256').update(value).digest();

export function GET(request: Request) {
  const secret = process.env.BENCH_SECRET ?? '';
  const given = request.headers.get('x-bench-secret') ?? '';
  const enabled = process.env.DB_QUERY_COUNTER === '1' && secret.length >= 16;
  if (!enabled || !timingSafeEqual(digest(given), digest(secret))) {
    return new Response('Not Found', { status: 404 });
  }
  const count = (globalThis as { __portalQueryCount?: number }).__portalQueryCount ?? 0;
  return Response.json({ count }, { headers: { 'Cache-Control': 'no-store' } });
}
