'use client';

import * as React from 'react';

/** A random v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The idempotency key of a create form (docs/decisions/010-idempotency-keys.md): one per form
 * instance, sent with every submission, so a double submit or a retry after a lost answer creates
 * one row. Call `renew()` after a success: the next submission is a new row.
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = React.useState(newKey);
  const renew = React.useCallback(() => setKey(newKey()), []);
  return { key, renew };
}
