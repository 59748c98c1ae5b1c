'use client';

import * as React from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from '@/components/ui/toast';

import type { ActionResult } from '@/lib/action-result';
import { COMMENT_MAX } from '@/lib/validation/comment-limits';
import type { CommentInput } from '@/lib/validation/comment';
import { Button } from '@/components/ui/button';
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Textarea } from '@/components/ui/textarea';
import { showFieldErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

// The shared reply schema (and the zod code it needs) is loaded on first use, in its own chunk:
// validation runs only once someone types or sends, so the ticket page's first load does not
// carry it (docs/decisions/008-performance.md). Focusing the box starts the download.
const loadCommentSchema = () => import('@/lib/validation/comment');
const commentResolver: Resolver<CommentInput> = async (values, context, options) => {
  const { commentSchema } = await loadCommentSchema();
  return zodResolver(commentSchema, undefined, { raw: true })(values, context, options);
};

type ReplyFormProps = {
  ticketNumber: string;
  /** The server action that posts the reply (portal or admin). */
  action: (
    ticketNumber: string,
    input: { content: string; internal?: boolean; idempotencyKey?: string },
  ) => Promise<ActionResult<unknown>>;
  label?: string;
  submitLabel?: string;
  /** Shown under the box, e.g. "The client is emailed." */
  hint?: string;
  /** Staff only: show the "Internal note" checkbox (a note the client never sees). */
  allowInternal?: boolean;
};

/**
 * The reply box. It cannot post twice (a synchronous guard plus a disabled button while the
 * request runs), keeps the text when the server refuses, and clears it once the reply is saved.
 */
export function ReplyForm({ ticketNumber, action, label = 'Reply', submitLabel = 'Send reply', hint, allowInternal = false }: ReplyFormProps) {
  const [internal, setInternal] = React.useState(false);
  const form = useForm<CommentInput>({
    resolver: commentResolver,
    defaultValues: { content: '' },
  });
  const inFlight = React.useRef(false);
  const [pending, setPending] = React.useState(false);
  const submission = useIdempotencyKey();
  const length = useWatch({ control: form.control, name: 'content' })?.length ?? 0;

  async function submit(values: CommentInput) {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      const { content } = values;
      const idempotencyKey = submission.key;
      const result = await action(ticketNumber, allowInternal ? { content, internal, idempotencyKey } : { content, idempotencyKey });
      if (result.ok) {
        submission.renew();
        form.reset({ content: '' });
        setInternal(false);
        toast.success(result.message ?? 'Reply sent');
      } else {
        if (!showFieldErrors(form, result.fieldErrors, ['content'])) form.setError('root', { message: result.error });
        toast.error(result.error);
      }
    } catch {
      form.setError('root', { message: 'Your reply could not be sent. Check your connection and try again.' });
      toast.error('Your reply could not be sent.');
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }
  // handleSubmit is created in the event handler, so the in-flight ref is only read there.
  const onSubmit = (e?: React.BaseSyntheticEvent) => form.handleSubmit(submit)(e);

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormField
          control={form.control}
          name="content"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{label}</FormLabel>
              <FormControl>
                <Textarea
                  {...field}
                  rows={5}
                  maxLength={COMMENT_MAX}
                  className="min-h-32"
                  onFocus={() => void loadCommentSchema()}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                      e.preventDefault();
                      void onSubmit();
                    }
                  }}
                />
              </FormControl>
              <FormDescription>
                {hint ? `${hint} ` : ''}
                {length.toLocaleString('en-GB')} / {COMMENT_MAX.toLocaleString('en-GB')} characters. Links starting with
                http:// or https:// become clickable.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        {allowInternal ? (
          <div className="flex items-start gap-2">
            <input
              id={`internal-${ticketNumber}`}
              type="checkbox"
              className="mt-0.5 size-4 accent-amber-600"
              checked={internal}
              onChange={(e) => setInternal(e.target.checked)}
            />
            <label htmlFor={`internal-${ticketNumber}`} className="text-sm">
              <span className="font-medium">Internal note</span>
              <span className="block text-muted-foreground">
                Only staff see it: the client is not emailed or notified and the status does not change.
              </span>
            </label>
          </div>
        ) : null}
        {form.formState.errors.root?.message ? (
          <p role="alert" className="text-sm text-destructive">
            {form.formState.errors.root.message}
          </p>
        ) : null}
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? 'Sending…' : internal ? 'Add internal note' : submitLabel}
        </Button>
      </form>
    </Form>
  );
}
