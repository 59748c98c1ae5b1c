// A short-lived, shared, single-flight cache in this process's memory (docs/decisions/008-performance.md).
//
// - `cached(key, ttlMs, load)`: the value stored under `key` while it is younger than `ttlMs`;
//   otherwise `load()` runs once and every caller arriving meanwhile shares its promise
//   (single-flight), so a burst of requests on an expired key costs one computation.
// - A failed load is not stored: its callers get the error, the next caller loads again.
// - At most `maxEntries` keys; the oldest are dropped first (expired ones before live ones).
// - `invalidate(prefix)` drops every key starting with `prefix`; a load in flight at that moment
//   still answers its callers but does not store its result.
//
// It knows nothing about who asks: callers check authorization BEFORE consulting it, and put in
// it only values that are the same for everyone allowed to read them.

export type Cached<T> = {
  value: T;
  /** When the load that produced `value` started: the figures are at least this fresh. */
  computedAt: Date;
};

type Entry<T> = {
  /** Settled: the value and when it expires; in flight: the shared promise. */
  result?: Cached<T>;
  expiresAt: number;
  inFlight?: Promise<Cached<T>>;
};

export type TtlCacheOptions = {
  /** At most this many keys (default 100). */
  maxEntries?: number;
  /** Milliseconds since the epoch; injectable for tests (default Date.now). */
  now?: () => number;
};

export class TtlCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Loads started (successful or not): lets tests see how often the work was done. */
  loads = 0;
  /** Calls answered from a stored value or by joining a load in flight. */
  hits = 0;

  constructor(options: TtlCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 100);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Cached<T>> {
    const now = this.now();
    const existing = this.entries.get(key) as Entry<T> | undefined;
    if (existing?.inFlight) {
      this.hits++;
      return existing.inFlight;
    }
    if (existing?.result && existing.expiresAt > now) {
      this.hits++;
      return existing.result;
    }

    const entry: Entry<T> = { expiresAt: now + ttlMs };
    this.loads++;
    entry.inFlight = (async () => {
      try {
        const value = await load();
        const result: Cached<T> = { value, computedAt: new Date(now) };
        // Store only into the entry this load belongs to: not after invalidate() or eviction.
        if (this.entries.get(key) === entry) {
          entry.result = result;
          entry.inFlight = undefined;
        }
        return result;
      } catch (error) {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      }
    })();
    // Re-inserted so that Map order is the order in which keys were (re)loaded.
    this.entries.delete(key);
    this.entries.set(key, entry as Entry<unknown>);
    this.evict(now);
    return entry.inFlight;
  }

  /** Drops every key that starts with `prefix` ('' drops all). */
  invalidate(prefix: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
  }

  private evict(now: number): void {
    if (this.entries.size <= this.maxEntries) return;
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) return;
      if (!entry.inFlight && entry.expiresAt <= now) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}

/**
 * The process's shared cache (one per server process; serverless instances each have their own).
 * Kept on globalThis so that a module evaluated twice (Next's separate bundles, dev reloads) still
 * shares one cache and one invalidate().
 */
const globalForCache = globalThis as unknown as { __ttlCache?: TtlCache };
export const sharedCache: TtlCache = (globalForCache.__ttlCache ??= new TtlCache({ maxEntries: 100 }));

export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Cached<T>> {
  return sharedCache.cached(key, ttlMs, load);
}

export function invalidate(prefix: string): void {
  sharedCache.invalidate(prefix);
}
