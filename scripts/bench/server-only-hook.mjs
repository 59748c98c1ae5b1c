// Loaded with `node --import` by scripts/bench/floor.ts: `import 'server-only'` throws outside a
// React Server Components bundle, so the bench's in-process floor resolves it to an empty module
// (as vitest.config.ts does for the tests).
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export%20%7B%7D', shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
