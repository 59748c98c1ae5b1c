import { z } from 'zod';

/**
 * The key a create form sends with its input (docs/decisions/010-idempotency-keys.md): a random
 * UUID made once per form instance, so the same submission posted twice creates one row.
 * Optional: a request without one simply creates the row.
 */
export const idempotencyKeySchema = z.uuid({ message: 'Not a valid form key; reload the page' }).optional();
