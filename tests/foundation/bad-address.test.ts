import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/action-result';
import { undecodablePath } from '@/lib/bad-address';
import { segmentValue } from '@/lib/route-segment';
import { proxy } from '@/proxy';

// Addresses no page can serve: a path with a broken percent-escape (the proxy answers 400 before
// Next.js's bare 500), and a dynamic segment that cannot name a row (the page's 404).

const ORIGIN = 'http://localhost:3000';

describe('a path with a broken percent-escape', () => {
  it('is answered 400 by the proxy: a page for a browser, a line for anything else', async () => {
    for (const path of ['/projects/%E0%A4%A', '/tickets/%', '/%zz', '/admin/clients/a%2']) {
      const res = await proxy(new NextRequest(`${ORIGIN}${path}`));
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/This address is not valid/);
    }
    const action = await proxy(new NextRequest(`${ORIGIN}/tickets/%`, { method: 'POST', headers: { 'next-action': 'x' } }));
    expect(action.status).toBe(400);
    expect(await action.text()).toBe('Bad request: the address is not valid.\n');
  });

  it('leaves well-formed escapes alone', async () => {
    for (const path of ['/login', '/tickets/T-000001', '/projects/%25', '/admin/clients/%C3%A9']) expect(undecodablePath(path), path).toBe(false);
    const res = await proxy(new NextRequest(`${ORIGIN}/login`));
    expect(res.status).not.toBe(400);
  });
});

describe('segmentValue: a dynamic route segment as the id it names', () => {
  it('decodes a segment', () => {
    expect(segmentValue('T-000001')).toBe('T-000001');
    expect(segmentValue('caf%C3%A9')).toBe('café');
    expect(segmentValue('%20abc%20')).toBe('abc');
  });

  it('is a NotFoundError for a segment that cannot name a row', () => {
    for (const raw of ['%E0%A4%A', '%', '%00', 'a%00b', '%20%20', 'x'.repeat(201)]) {
      expect(() => segmentValue(raw), raw).toThrow(NotFoundError);
    }
    expect(segmentValue('x'.repeat(200))).toHaveLength(200);
  });
});
