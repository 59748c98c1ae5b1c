import * as React from 'react';

export type TagTone = 'amber' | 'blue' | 'emerald' | 'indigo' | 'orange' | 'red' | 'sky' | 'violet' | 'zinc';

/**
 * A small outlined label in one of the tones of app/globals.css (`.tag`): the status, priority
 * and account badges. Not components/ui/badge: these are never links or focusable, and the
 * Badge's class list (about 600 characters with the tone) was repeated in the HTML and the RSC
 * payload of every list row; here a row carries `class="tag" data-tone="…"`
 * (docs/decisions/008-performance.md, seventh round).
 */
export function Tag({ tone, className, ...props }: React.ComponentProps<'span'> & { tone: TagTone }) {
  return <span data-tone={tone} className={className ? `tag ${className}` : 'tag'} {...props} />;
}
