import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { gate, isPublicPath } from '@/lib/auth/routes';

const APP = 'https://portal.example.com';

describe('safeCallbackPath: only same-origin paths survive', () => {
  it.each([
    ['https://evil.com'],
    ['https://evil.com/dashboard'],
    ['//evil.com'],
    ['//evil.com/dashboard'],
    ['/\\evil.com'],
    ['\\\\evil.com'],
    ['https://portal.example.com.evil.com/dashboard'],
    ['https://portal.example.com@evil.com/'],
    ['http://portal.example.com/dashboard'], // other scheme = other origin
    ['https://user:pass@portal.example.com/dashboard'],
    ['/\t/evil.com'],
    ['/\n/evil.com'],
    ['/./\\evil.com'],
    ['/.//evil.com'],
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['evil.com'],
    [''],
    ['   '],
  ])('%j → null', (value) => {
    expect(safeCallbackPath(value, APP)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    expect(safeCallbackPath(undefined, APP)).toBeNull();
    expect(safeCallbackPath(['/dashboard'], APP)).toBeNull();
    expect(safeCallbackPath({ toString: () => '/dashboard' }, APP)).toBeNull();
  });

  it.each([
    ['/dashboard', '/dashboard'],
    ['/projects/abc?tab=files#top', '/projects/abc?tab=files#top'],
    ['/tickets?status=OPEN', '/tickets?status=OPEN'],
    ['https://portal.example.com/admin/users?page=2', '/admin/users?page=2'],
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'], // an encoded path stays a path on our origin
  ])('%j → %j', (value, expected) => {
    expect(safeCallbackPath(value, APP)).toBe(expected);
  });

  it('refuses absolute URLs when the app origin is unknown', () => {
    expect(safeCallbackPath('https://portal.example.com/dashboard')).toBeNull();
  });

  it('every accepted value resolves to our own origin in a browser', () => {
    for (const value of ['/a', '/a/../b', '/./c', '/..//d', '/%5Cevil.com', 'https://portal.example.com//x']) {
      const path = safeCallbackPath(value, APP);
      if (path === null) continue;
      expect(new URL(path, APP).origin).toBe(APP);
    }
  });
});

describe('gate (proxy.ts)', () => {
  it('sends anonymous visitors to /login with the same-origin path and query', () => {
    expect(gate('/tickets', '?status=OPEN', null)).toEqual({
      action: 'redirect',
      to: '/login?callbackUrl=%2Ftickets%3Fstatus%3DOPEN',
    });
    expect(gate('/admin/users', '', null)).toEqual({ action: 'redirect', to: '/login?callbackUrl=%2Fadmin%2Fusers' });
    expect(gate('/settings', '', null)).toMatchObject({ action: 'redirect' });
    expect(gate('/', '', null)).toEqual({ action: 'redirect', to: '/login' });
  });

  it('leaves the public routes open', () => {
    for (const path of [
      '/login',
      '/register',
      '/verify-email',
      '/forgot-password',
      '/reset-password',
      '/accept-invite',
      '/setup',
      '/api/health',
      '/api/auth/session',
      '/api/cron/cleanup',
    ]) {
      expect(isPublicPath(path), path).toBe(true);
      expect(gate(path, '', null)).toEqual({ action: 'next' });
    }
    expect(isPublicPath('/login-as-admin')).toBe(false);
    expect(isPublicPath('/api/healthcheck')).toBe(false);
  });

  it('sends a CLIENT away from /admin and staff away from the client pages', () => {
    expect(gate('/admin', '', 'CLIENT')).toEqual({ action: 'redirect', to: '/dashboard' });
    expect(gate('/admin/clients/1', '', 'CLIENT')).toEqual({ action: 'redirect', to: '/dashboard' });
    expect(gate('/dashboard', '', 'CLIENT')).toEqual({ action: 'next' });
    expect(gate('/projects/1', '', 'CLIENT')).toEqual({ action: 'next' });
    for (const role of ['ADMIN', 'SUPER_ADMIN'] as const) {
      expect(gate('/dashboard', '', role)).toEqual({ action: 'redirect', to: '/admin' });
      expect(gate('/projects/new', '', role)).toEqual({ action: 'redirect', to: '/admin' });
      expect(gate('/tickets/T-000001', '', role)).toEqual({ action: 'redirect', to: '/admin' });
      expect(gate('/admin/tickets', '', role)).toEqual({ action: 'next' });
    }
    expect(gate('/administrator', '', 'CLIENT')).toEqual({ action: 'next' }); // not under /admin
  });

  it('lets every role reach /settings', () => {
    for (const role of ['CLIENT', 'ADMIN', 'SUPER_ADMIN'] as const) expect(gate('/settings', '', role)).toEqual({ action: 'next' });
  });
});
