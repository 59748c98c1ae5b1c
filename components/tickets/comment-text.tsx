import * as React from 'react';

import { cn } from '@/lib/utils';

// User-written text (ticket descriptions, comments, requirements) shown as text: line breaks kept,
// http(s) links made clickable, everything else inert. React escapes every string, and this file
// never uses dangerouslySetInnerHTML, so "<script>" or "<img onerror>" in a comment stays text.

export type TextSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// A URL candidate: http:// or https:// followed by non-space characters that are not quotes or
// angle brackets. Trailing punctuation is trimmed afterwards.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"*_~]+$/;

/** Trims sentence punctuation and an unbalanced closing bracket from the end of a URL candidate. */
function trimCandidate(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ] as const) {
      if (url.endsWith(close)) {
        const opens = url.split(open).length - 1;
        const closes = url.split(close).length - 1;
        if (closes > opens) url = url.slice(0, -1);
      }
    }
    if (url === before) return url;
  }
}

/** The href for a candidate, or null unless it is a well-formed http(s) URL with a host. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits text into plain runs and http(s) links. Exported for tests. */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = segments[segments.length - 1];
    if (prev && prev.type === 'text') prev.text += t;
    else segments.push({ type: 'text', text: t });
  };
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const candidate = trimCandidate(match[0]);
    const href = safeHref(candidate);
    push(text.slice(last, start));
    if (href) {
      segments.push({ type: 'link', text: candidate, href });
      last = start + candidate.length;
    } else {
      push(match[0]);
      last = start + match[0].length;
    }
  }
  push(text.slice(last));
  return segments;
}

type CommentTextProps = {
  text: string;
  className?: string;
  /** Element to render (default <div>). */
  as?: 'div' | 'p';
};

/** Shows user text with its line breaks and safe links, never as HTML. */
export function CommentText({ text, className, as: Tag = 'div' }: CommentTextProps) {
  const segments = linkify(text ?? '');
  return (
    <Tag data-slot="comment-text" className={cn('break-words whitespace-pre-wrap', className)}>
      {segments.map((s, i) =>
        s.type === 'link' ? (
          <a
            key={i}
            href={s.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="break-all text-primary underline underline-offset-4 hover:no-underline"
          >
            {s.text}
          </a>
        ) : (
          <React.Fragment key={i}>{s.text}</React.Fragment>
        ),
      )}
    </Tag>
  );
}
