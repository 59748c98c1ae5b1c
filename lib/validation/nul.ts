// PostgreSQL text cannot hold U+0000: a NUL byte in any value that reaches a query makes the
// query fail (a 500, found by the fuzz suite, security/fuzz.spec.ts). No form sends one, so every
// string schema of lib/validation refuses it as a field error. Zod-free: the zod/mini schemas that
// ship to the browser use it too.
export const NUL_MESSAGE = 'Remove the invisible NUL character.';

export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}
