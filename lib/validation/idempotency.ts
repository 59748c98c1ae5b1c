import * as z from 'zod/mini';

/**
 * The key a create form sends with its input (docs/decisions/010-idempotency-keys.md): a random
 * UUID made once per form instance, so the same submission posted twice creates one row.
 * Optional: a request without one simply creates the row. Written with zod/mini because the reply
 * form ships it to the browser (./comment); classic schemas embed it as they embed any schema.
 */
export const idempotencyKeySchema = z.optional(z.uuid({ error: 'Not a valid form key; reload the page' }));
