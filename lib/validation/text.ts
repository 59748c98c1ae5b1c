import { z } from 'zod';
import { hasNoNul, NUL_MESSAGE } from './nul';

export { NUL_MESSAGE };

/** z.string() that refuses U+0000 (see ./nul). */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(hasNoNul, { message: NUL_MESSAGE });
}
