import { describe, expect, it } from 'vitest';
import { TtlCache } from '@/lib/ttl-cache';

// The short-lived shared cache (lib/ttl-cache.ts), on its own: single flight, expiry on an
// injected clock, failures not stored, invalidation by prefix, bounded size.

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('TtlCache', () => {
  it('concurrent callers share one load (single flight)', async () => {
    const cache = new TtlCache();
    const gate = deferred<number>();
    let calls = 0;
    const load = () => {
      calls++;
      return gate.promise;
    };
    const callers = Array.from({ length: 10 }, () => cache.cached('k', 30_000, load));
    expect(calls).toBe(1);
    gate.resolve(42);
    const results = await Promise.all(callers);
    expect(results.map((r) => r.value)).toEqual(Array(10).fill(42));
    expect(new Set(results.map((r) => r.computedAt.getTime())).size).toBe(1);
    expect(cache.loads).toBe(1);
    expect(cache.hits).toBe(9);
  });

  it('answers from the stored value until the TTL has passed, then loads again', async () => {
    const c = clock();
    const cache = new TtlCache({ now: c.now });
    let n = 0;
    const load = async () => ++n;

    const first = await cache.cached('k', 30_000, load);
    expect(first.value).toBe(1);
    expect(first.computedAt.getTime()).toBe(c.now());

    c.advance(29_999);
    expect((await cache.cached('k', 30_000, load)).value).toBe(1);

    c.advance(1);
    const third = await cache.cached('k', 30_000, load);
    expect(third.value).toBe(2);
    expect(third.computedAt.getTime()).toBe(c.now());
    expect(cache.loads).toBe(2);
  });

  it('keeps keys apart', async () => {
    const cache = new TtlCache();
    expect((await cache.cached('a', 1000, async () => 'A')).value).toBe('A');
    expect((await cache.cached('b', 1000, async () => 'B')).value).toBe('B');
    expect((await cache.cached('a', 1000, async () => 'other')).value).toBe('A');
  });

  it('does not store a failed load: its callers get the error, the next call loads again', async () => {
    const cache = new TtlCache();
    const gate = deferred<string>();
    const a = cache.cached('k', 30_000, () => gate.promise);
    const b = cache.cached('k', 30_000, () => Promise.resolve('not called'));
    gate.reject(new Error('database down'));
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    expect(cache.size).toBe(0);

    expect((await cache.cached('k', 30_000, async () => 'back')).value).toBe('back');
    expect(cache.loads).toBe(2);
  });

  it('invalidate(prefix) drops matching keys only, and a load in flight does not store after it', async () => {
    const cache = new TtlCache();
    await cache.cached('dashboard:stats', 30_000, async () => 1);
    await cache.cached('dashboard:service', 30_000, async () => 2);
    await cache.cached('other', 30_000, async () => 3);
    cache.invalidate('dashboard:');
    expect((await cache.cached('dashboard:stats', 30_000, async () => 10)).value).toBe(10);
    expect((await cache.cached('other', 30_000, async () => 30)).value).toBe(3);

    const gate = deferred<number>();
    const inFlight = cache.cached('slow', 30_000, () => gate.promise);
    cache.invalidate('slow');
    gate.resolve(1);
    expect((await inFlight).value).toBe(1);
    expect((await cache.cached('slow', 30_000, async () => 2)).value).toBe(2);
  });

  it('holds at most maxEntries keys, dropping expired ones first, then the oldest', async () => {
    const c = clock();
    const cache = new TtlCache({ maxEntries: 3, now: c.now });
    await cache.cached('short', 10, async () => 's');
    await cache.cached('a', 60_000, async () => 'a');
    await cache.cached('b', 60_000, async () => 'b');
    c.advance(100);
    await cache.cached('c', 60_000, async () => 'c');
    expect(cache.size).toBe(3);
    // 'short' had expired, so it went first; 'a' is still there.
    expect((await cache.cached('a', 60_000, async () => 'reloaded')).value).toBe('a');

    await cache.cached('d', 60_000, async () => 'd');
    expect(cache.size).toBe(3);
    // Nothing expired: the oldest key ('a') went.
    expect((await cache.cached('a', 60_000, async () => 'reloaded')).value).toBe('reloaded');
  });
});
