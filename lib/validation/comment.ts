import * as z from 'zod/mini';

// The reply schema, shared by the reply form (components/tickets/reply-form.tsx, in the browser)
// and addComment (db/queries/tickets.ts, on the server): ONE set of rules for both sides.
// It is written with `zod/mini` because the form ships it to the browser: zod/mini's functions
// tree-shake, so the ticket page carries a few kB of validation instead of all of zod (about
// 47 kB compressed with the classic API: docs/decisions/008-performance.md). The server parses it
// with classic `z.parse(commentSchema, …)` so a refusal is still a classic ZodError for the actions.
// The reply form loads this module lazily, on first use (see reply-form.tsx); the limit it shows
// while typing comes from ./comment-limits, which has no zod in it.
import { COMMENT_MAX } from './comment-limits';
import { idempotencyKeySchema } from './idempotency';
import { hasNoNul, NUL_MESSAGE } from './nul';

export { COMMENT_MAX };

export const commentSchema = z.object({
  content: z.string({ error: 'Write a reply' }).check(
    z.trim(),
    z.minLength(1, { error: 'Write a reply' }),
    z.maxLength(COMMENT_MAX, { error: 'A reply can be at most 10,000 characters' }),
    z.refine(hasNoNul, { error: NUL_MESSAGE }),
  ),
  /** Staff only: an internal note, never shown to the client (ignored for a CLIENT). */
  internal: z.optional(z.boolean()),
  /** The form's idempotency key: the same key twice adds one comment. */
  idempotencyKey: idempotencyKeySchema,
});
export type CommentInput = z.input<typeof commentSchema>;
