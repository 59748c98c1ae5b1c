import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A react-hook-form resolver whose code (a zod schema and @hookform/resolvers) is loaded on first
 * use instead of with the page: validation only runs once someone submits (then on each change),
 * so a form page does not download and run zod before it is interactive
 * (docs/decisions/008-performance.md). `preload()` starts the download early, e.g. on the first
 * keystroke. A failed download is retried on the next call.
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): { resolver: Resolver<T>; preload: () => void } {
  let request: Promise<Resolver<T>> | null = null;
  const get = () =>
    (request ??= load().catch((error: unknown) => {
      request = null;
      throw error;
    }));
  return {
    resolver: async (values, context, options) => (await get())(values, context, options),
    preload: () => void get().catch(() => {}),
  };
}
