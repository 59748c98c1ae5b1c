// The Origin check of state-changing route handlers (lib/security/origin.ts, decision 009).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as cronCleanup } from '@/app/api/cron/cleanup/route';
import { resetEnvCache } from '@/lib/env';
import { checkOrigin, policyFromEnv, refuseForeignOrigin } from '@/lib/security/origin';

const policy = { trustedOrigins: ['https://portal.example.com'] };
const headers = (values: Record<string, string>) => new Headers(values);

describe('checkOrigin', () => {
  it('accepts the portal origin and the host the request was sent to', () => {
    expect(checkOrigin(headers({ origin: 'https://portal.example.com', host: 'internal:3000' }), policy)).toEqual({
      ok: true,
      reason: 'trusted-origin',
    });
    expect(checkOrigin(headers({ origin: 'http://localhost:3120', host: 'localhost:3120' }), policy).ok).toBe(true);
    expect(checkOrigin(headers({ origin: 'https://portal.test', host: 'internal', 'x-forwarded-host': 'portal.test' }), policy).ok).toBe(true);
  });

  it('accepts a request without Origin (cron, curl) unless the browser says it is cross-site', () => {
    expect(checkOrigin(headers({ host: 'portal.example.com' }), policy)).toEqual({ ok: true, reason: 'no-origin' });
    expect(checkOrigin(headers({ host: 'portal.example.com', 'sec-fetch-site': 'same-origin' }), policy).ok).toBe(true);
    expect(checkOrigin(headers({ host: 'portal.example.com', 'sec-fetch-site': 'cross-site' }), policy)).toEqual({
      ok: false,
      reason: 'cross-site-fetch',
    });
  });

  it('refuses foreign, look-alike, opaque and malformed origins', () => {
    const host = 'portal.example.com';
    for (const [origin, reason] of [
      ['https://evil.example', 'foreign-origin'],
      ['https://portal.example.com.evil.example', 'foreign-origin'],
      ['https://evil.portal.example.com', 'foreign-origin'],
      ['http://portal.example.com:8080', 'foreign-origin'],
      ['null', 'opaque-origin'],
      ['', 'malformed-origin'],
      ['portal.example.com', 'malformed-origin'],
      ['javascript:alert(1)', 'malformed-origin'],
      ['https://portal.example.com/path', 'malformed-origin'],
      ['https://user@portal.example.com', 'malformed-origin'],
    ] as const) {
      expect(checkOrigin(headers({ origin, host }), policy), origin).toEqual({ ok: false, reason });
    }
  });

  it('takes APP_URL and AUTH_URL from the environment', () => {
    expect(policyFromEnv({ APP_URL: 'https://portal.example.com/', AUTH_URL: 'https://auth.example.com/api/auth' })).toEqual({
      trustedOrigins: ['https://portal.example.com', 'https://auth.example.com'],
    });
    expect(policyFromEnv({})).toEqual({ trustedOrigins: ['http://localhost:3000'] });
  });
});

describe('refuseForeignOrigin', () => {
  it('answers 403 for a foreign Origin and null otherwise', async () => {
    const foreign = refuseForeignOrigin(
      new Request('http://localhost:3000/api/x', { method: 'POST', headers: { origin: 'https://evil.example' } }),
      policy,
    );
    expect(foreign?.status).toBe(403);
    expect(foreign?.headers.get('cache-control')).toBe('no-store');
    expect(await foreign?.json()).toEqual({ error: 'Cross-origin request refused' });
    expect(refuseForeignOrigin(new Request('http://localhost:3000/api/x', { method: 'POST' }), policy)).toBeNull();
  });
});

describe('POST /api/cron/cleanup', () => {
  afterEach(() => {
    delete process.env.CRON_SECRET;
    resetEnvCache();
  });

  const call = (extra: Record<string, string>) =>
    cronCleanup(
      new Request('http://localhost:3000/api/cron/cleanup', {
        method: 'POST',
        headers: { authorization: 'Bearer a-cron-secret-for-tests', host: 'localhost:3000', ...extra },
      }),
    );

  it('runs for a valid bearer without Origin (a scheduler) or from the portal itself, refuses a foreign Origin', async () => {
    process.env.CRON_SECRET = 'a-cron-secret-for-tests';
    resetEnvCache();
    expect((await call({})).status).toBe(200);
    expect((await call({ origin: 'http://localhost:3000' })).status).toBe(200);
    const foreign = await call({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await call({ origin: 'null' })).status).toBe(403);
  });
});

describe('every state-changing route handler', () => {
  it('calls refuseForeignOrigin', () => {
    const apiDir = path.join(process.cwd(), 'app');
    const routes = (fs.readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => /(^|\/)route\.tsx?$/.test(f));
    expect(routes.length).toBeGreaterThan(0);
    const stateChanging = routes.filter((file) =>
      /export\s+(async\s+)?(function|const)\s+(POST|PUT|PATCH|DELETE)\b|export\s+const\s+\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/.test(
        fs.readFileSync(path.join(apiDir, file), 'utf8'),
      ),
    );
    expect(stateChanging).toEqual(expect.arrayContaining(['api/cron/cleanup/route.ts', 'api/auth/[...nextauth]/route.ts']));
    for (const file of stateChanging) {
      expect(fs.readFileSync(path.join(apiDir, file), 'utf8'), file).toMatch(/refuseForeignOrigin\(request\)/);
    }
  });
});
