'use client';

import * as React from 'react';
import { toast } from '@/components/ui/toast';

import type { NotificationKind } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { NOTIFICATION_KIND_LABELS } from '@/lib/validation/collab';
import { Button } from '@/components/ui/button';

type Props = {
  preferences: { kind: NotificationKind; email: boolean }[];
  action: (input: { email: Partial<Record<NotificationKind, boolean>> }) => Promise<ActionResult<unknown>>;
};

/** "Email me about…": one checkbox per notification kind (in-app notifications always appear). */
export function NotificationPreferencesForm({ preferences, action }: Props) {
  const [values, setValues] = React.useState(() => Object.fromEntries(preferences.map((p) => [p.kind, p.email])) as Record<NotificationKind, boolean>);
  const [pending, setPending] = React.useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    try {
      const r = await action({ email: values });
      if (r.ok) toast.success(r.message ?? 'Saved');
      else toast.error(r.error);
    } catch {
      toast.error('Your preferences could not be saved.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">Also email me about</legend>
        {preferences.map((p) => (
          <div key={p.kind} className="flex items-center gap-2">
            <input
              id={`notify-email-${p.kind}`}
              type="checkbox"
              className="size-4"
              checked={values[p.kind] ?? true}
              onChange={(ev) => setValues((v) => ({ ...v, [p.kind]: ev.target.checked }))}
            />
            <label htmlFor={`notify-email-${p.kind}`} className="text-sm">
              {NOTIFICATION_KIND_LABELS[p.kind]}
            </label>
          </div>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save notification preferences'}
      </Button>
    </form>
  );
}
