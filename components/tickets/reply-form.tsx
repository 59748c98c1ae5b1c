'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';

import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { groupDigits } from '@/lib/group-digits';
import { COMMENT_MAX } from '@/lib/validation/comment-limits';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

// The shared reply schema (and the zod code it needs) is loaded on first use, in its own chunk:
// validation runs only once someone sends, so the ticket page's first load does not carry it
// (docs/decisions/008-performance.md). Focusing the box starts the download.
//
// The form is plain React state rather than react-hook-form (about 14 kB compressed on the ticket
// page for one field), with the same behaviour as before: validation on send, then again on each
// change once a send was tried; the first invalid send focuses the box; the field's message is
// under it (role="alert", aria-invalid, aria-describedby), a refusal for the whole reply above the
// button; the text is kept when the server refuses and cleared once the reply is saved.
const loadCommentSchema = () => import('@/lib/validation/comment');

/** The reply's first validation message from the shared schema, or null when it is valid. */
async function contentError(content: string): Promise<string | null> {
  const { commentSchema } = await loadCommentSchema();
  const result = commentSchema.safeParse({ content });
  if (result.success) return null;
  const issue = result.error.issues.find((i) => i.path[0] === 'content') ?? result.error.issues[0];
  return issue?.message ?? 'Write a reply';
}

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
  /**
   * Set when the page shows an older window of the thread (?before=…): the newest window (with a
   * #fragment at the reply box), where a sent reply appears. The form goes there once the reply is
   * saved, so the sender sees it.
   */
  latestHref?: string;
};

/**
 * The reply box. It cannot post twice (a synchronous guard plus a disabled button while the
 * request runs), keeps the text when the server refuses, and clears it once the reply is saved.
 */
export function ReplyForm({
  ticketNumber,
  action,
  label = 'Reply',
  submitLabel = 'Send reply',
  hint,
  allowInternal = false,
  latestHref,
}: ReplyFormProps) {
  const router = useRouter();
  const [internal, setInternal] = React.useState(false);
  const [content, setContent] = React.useState('');
  const [fieldError, setFieldError] = React.useState<string | null>(null);
  const [rootError, setRootError] = React.useState<string | null>(null);
  const [submitted, setSubmitted] = React.useState(false);
  const inFlight = React.useRef(false);
  const [pending, setPending] = React.useState(false);
  const box = React.useRef<HTMLTextAreaElement>(null);
  const submission = useIdempotencyKey();
  const id = React.useId();
  const boxId = `${id}-form-item`;
  const descriptionId = `${id}-form-item-description`;
  const messageId = `${id}-form-item-message`;
  // Each validation result is applied only if no newer one was started (typing is faster than a load).
  const validation = React.useRef(0);

  async function submit() {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitted(true);
    setRootError(null);
    const run = ++validation.current;
    try {
      const error = await contentError(content);
      if (run === validation.current) setFieldError(error);
      if (error) {
        box.current?.focus();
        return;
      }
      setPending(true);
      const idempotencyKey = submission.key;
      const result = await action(ticketNumber, allowInternal ? { content, internal, idempotencyKey } : { content, idempotencyKey });
      if (result.ok) {
        submission.renew();
        setContent('');
        setFieldError(null);
        setSubmitted(false);
        setInternal(false);
        toast.success(result.message ?? 'Reply sent');
        if (latestHref) router.push(latestHref);
      } else {
        const message = result.fieldErrors?.content?.[0];
        if (message) setFieldError(message);
        else setRootError(result.error);
        toast.error(result.error);
      }
    } catch {
      setRootError('Your reply could not be sent. Check your connection and try again.');
      toast.error('Your reply could not be sent.');
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  function change(value: string) {
    setContent(value);
    // As react-hook-form's default did: no messages while typing until a send was tried.
    if (!submitted) return;
    const run = ++validation.current;
    void contentError(value).then(
      (error) => {
        if (run === validation.current) setFieldError(error);
      },
      () => {},
    );
  }

  const describedBy = [descriptionId, fieldError ? messageId : null].filter(Boolean).join(' ');

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="space-y-3"
      noValidate
    >
      <div data-slot="form-item" className="grid gap-2">
        <Label data-slot="form-label" data-error={!!fieldError} htmlFor={boxId}>
          {label}
        </Label>
        <Textarea
          ref={box}
          id={boxId}
          name="content"
          data-slot="form-control"
          aria-describedby={describedBy}
          aria-invalid={!!fieldError}
          value={content}
          onChange={(e) => change(e.target.value)}
          rows={5}
          maxLength={COMMENT_MAX}
          size="md"
          onFocus={() => void loadCommentSchema().catch(() => {})}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <p data-slot="form-description" id={descriptionId} className="text-sm text-muted-foreground">
          {hint ? `${hint} ` : ''}
          {groupDigits(content.length)} / {groupDigits(COMMENT_MAX)} characters. Links starting with
          http:// or https:// become clickable.
        </p>
        {fieldError ? (
          <p data-slot="form-message" id={messageId} role="alert" className="text-sm text-destructive">
            {fieldError}
          </p>
        ) : null}
      </div>
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
      {rootError ? (
        <p role="alert" className="text-sm text-destructive">
          {rootError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? 'Sending…' : internal ? 'Add internal note' : submitLabel}
      </Button>
    </form>
  );
}
