import { z } from 'zod';

// PostgreSQL text cannot hold U+0000: a NUL byte in any value that reaches a query makes the
// query fail (a 500, found by the fuzz suite, security/fuzz.spec.ts). No form sends one, so every
// string schema of lib/validation is built on text(), which refuses it as a field error.
export const NUL_MESSAGE = 'Remove the invisible NUL character.';

/** z.string() that refuses U+0000. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !value.includes('\u0000'), { message: NUL_MESSAGE });
}
