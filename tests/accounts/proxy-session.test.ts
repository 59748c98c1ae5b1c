import { decode, encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE_NAME } from '@/auth.config';
import {
  nowSeconds,
  SESSION_COOKIE_MAX_AGE,
  SESSION_IDLE_SECONDS,
  SESSION_REFRESH_SECONDS,
  type SessionClaims,
} from '@/lib/auth/claims';
import { sessionTokenFrom } from '@/lib/auth/session-token';
import { proxy } from '@/proxy';

// proxy.ts itself, called with real requests and real Auth.js-sealed JWTs: which sessions the
// gate trusts, and when a response renews or removes the session cookie (decision 005).

const ORIGIN = 'http://localhost:3000'; // APP_URL in tests/setup/db.ts
const secret = () => process.env.AUTH_SECRET as string;

/** A JWT as Auth.js' sign-in issues it, for claims whose activity was `idle` seconds ago. */
async function sealed(idle: number, overrides: Partial<SessionClaims> = {}, key = secret()): Promise<string> {
  const now = nowSeconds();
  const claims: SessionClaims = {
    id: '0195f0c4-0000-7000-8000-000000000001',
    sid: 'f4d1c3a2-0000-4000-8000-000000000002',
    role: 'CLIENT',
    sessionVersion: 3,
    authTime: now - idle - 60,
    lastActive: now - idle,
    ...overrides,
  };
  return encode({ token: { sub: claims.id, ...claims }, secret: key, salt: SESSION_COOKIE_NAME, maxAge: SESSION_COOKIE_MAX_AGE });
}

function request(path: string, cookie?: string, init: { action?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (init.action) Object.assign(headers, { 'next-action': 'a'.repeat(42), origin: ORIGIN, 'content-length': '2' });
  return new NextRequest(`${ORIGIN}${path}`, { method: init.action ? 'POST' : 'GET', headers });
}

const sessionCookie = (token: string) => `${SESSION_COOKIE_NAME}=${token}`;

/** The Set-Cookie lines of the session cookie (or its chunks). */
function sessionLines(response: Response): string[] {
  return response.headers.getSetCookie().filter((c) => c.startsWith(SESSION_COOKIE_NAME));
}

const passedOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

afterEach(() => {
  delete process.env.AUTH_URL;
});

describe('proxy: the session cookie', () => {
  it('a signed-out request to a portal page goes to the sign-in page and gets no session cookie', async () => {
    const response = await proxy(request('/tickets?status=OPEN'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/login?callbackUrl=%2Ftickets%3Fstatus%3DOPEN`);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('a live session passes, and a response within five minutes of the last renewal sets no cookie', async () => {
    const response = await proxy(request('/tickets', sessionCookie(await sealed(SESSION_REFRESH_SECONDS - 30))));
    expect(passedOn(response)).toBe(true);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('the gate reads the role from the JWT: a client is sent from /admin to its dashboard', async () => {
    const response = await proxy(request('/admin', sessionCookie(await sealed(10))));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/dashboard`);
  });

  it('renews a session whose activity is due: same session, lastActive now, a fresh 7-day expiry', async () => {
    const before = nowSeconds();
    const input = await sealed(SESSION_REFRESH_SECONDS + 5);
    const response = await proxy(request('/tickets', sessionCookie(input)));
    expect(passedOn(response)).toBe(true);
    const [line, ...rest] = sessionLines(response);
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=[^;]+;`));
    expect(line).toMatch(/;\s*Max-Age=604800(;|$)/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(SESSION_COOKIE_MAX_AGE).toBe(SESSION_IDLE_SECONDS.CLIENT);

    // Auth.js' own decode reads the renewed JWT: the claims carried over, activity recorded.
    const token = line.slice(SESSION_COOKIE_NAME.length + 1).split(';')[0];
    const payload = (await decode({ token, secret: secret(), salt: SESSION_COOKIE_NAME })) as Record<string, number | string>;
    expect(payload).toMatchObject({ id: '0195f0c4-0000-7000-8000-000000000001', sid: 'f4d1c3a2-0000-4000-8000-000000000002' });
    expect(payload).toMatchObject({ role: 'CLIENT', sessionVersion: 3 });
    expect(payload.lastActive).toBeGreaterThanOrEqual(before);
    const old = (await decode({ token: input, secret: secret(), salt: SESSION_COOKIE_NAME })) as Record<string, number>;
    expect(payload.authTime).toBe(old.authTime);
    expect(payload.jti).not.toBe(old.jti);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(SESSION_COOKIE_MAX_AGE);
  });

  it('a server action never changes the cookie, even when the session is due for renewal or over', async () => {
    for (const idle of [SESSION_REFRESH_SECONDS + 5, SESSION_IDLE_SECONDS.CLIENT + 5]) {
      const response = await proxy(request('/tickets', sessionCookie(await sealed(idle)), { action: true }));
      expect(sessionLines(response)).toEqual([]);
    }
  });

  it('ends an idle session: removes the cookie and sends the request to the sign-in page', async () => {
    const response = await proxy(request('/dashboard', sessionCookie(await sealed(SESSION_IDLE_SECONDS.CLIENT + 5))));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/login?callbackUrl=%2Fdashboard`);
    expect(sessionLines(response)).toEqual([expect.stringMatching(new RegExp(`^${SESSION_COOKIE_NAME}=;.*Max-Age=0`, 'i'))]);
  });

  it('staff sessions idle out after 12 hours', async () => {
    const idle = SESSION_IDLE_SECONDS.ADMIN + 5;
    const response = await proxy(request('/admin', sessionCookie(await sealed(idle, { role: 'ADMIN' }))));
    expect(response.headers.get('location')).toBe(`${ORIGIN}/login?callbackUrl=%2Fadmin`);
    expect(sessionLines(response)).toHaveLength(1);
  });

  it.each([
    ['not a JWT', async () => 'garbage'],
    ['sealed with another secret', async () => sealed(10, {}, 'another-secret-of-at-least-32-characters!!')],
    ['missing our claims', async () => encode({ token: { sub: 'x' }, secret: secret(), salt: SESSION_COOKIE_NAME })],
    ['sealed for another cookie name', async () => encode({ token: { sub: 'x' }, secret: secret(), salt: 'other' })],
  ])('a token %s is no session: the cookie is removed', async (_label, make) => {
    const response = await proxy(request('/projects', sessionCookie(await make())));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/login?callbackUrl=%2Fprojects`);
    expect(sessionLines(response)).toEqual([expect.stringMatching(/Max-Age=0/i)]);
  });

  it('reads a session split into chunks, and removes every chunk when it ends', async () => {
    const live = await sealed(10);
    const cut = Math.floor(live.length / 2);
    const chunked = `${SESSION_COOKIE_NAME}.1=${live.slice(cut)}; ${SESSION_COOKIE_NAME}.0=${live.slice(0, cut)}`;
    expect(passedOn(await proxy(request('/tickets', chunked)))).toBe(true);

    const over = await sealed(SESSION_IDLE_SECONDS.CLIENT + 5);
    const ended = `${SESSION_COOKIE_NAME}.0=${over.slice(0, cut)}; ${SESSION_COOKIE_NAME}.1=${over.slice(cut)}`;
    const lines = sessionLines(await proxy(request('/tickets', ended)));
    expect(lines.map((l) => l.split('=')[0]).sort()).toEqual([`${SESSION_COOKIE_NAME}.0`, `${SESSION_COOKIE_NAME}.1`]);
    expect(lines.every((l) => /Max-Age=0/i.test(l))).toBe(true);
  });

  it('public pages pass whatever the cookie says; a broken one is still removed', async () => {
    const response = await proxy(request('/login', sessionCookie('garbage')));
    expect(passedOn(response)).toBe(true);
    expect(sessionLines(response)).toHaveLength(1);
  });

  it('redirects are built on AUTH_URL when it is set, as Auth.js did', async () => {
    process.env.AUTH_URL = 'https://portal.example.com/api/auth';
    const response = await proxy(request('/tickets'));
    expect(response.headers.get('location')).toBe('https://portal.example.com/login?callbackUrl=%2Ftickets');
  });
});

describe('sessionTokenFrom', () => {
  const c = (name: string, value: string) => ({ name, value });
  it('takes the whole cookie, else the chunks in numeric order, else nothing', () => {
    expect(sessionTokenFrom([c('other', 'x'), c(SESSION_COOKIE_NAME, 'whole')])).toBe('whole');
    const chunks = [2, 10, 0, 1].map((n) => c(`${SESSION_COOKIE_NAME}.${n}`, `<${n}>`));
    expect(sessionTokenFrom(chunks)).toBe('<0><1><2><10>');
    expect(sessionTokenFrom([c('other', 'x'), c(`${SESSION_COOKIE_NAME}x`, 'y')])).toBeUndefined();
  });
});
