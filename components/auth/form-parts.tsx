'use client';

import type * as React from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { showFieldErrors } from '@/lib/form-errors';

// Small pieces shared by the account forms.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm<T extends FieldValues> = UseFormReturn<T, any, any>;

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  type = 'text',
  autoComplete,
  description,
  autoFocus,
}: {
  form: AnyForm<T>;
  name: Path<T>;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  description?: React.ReactNode;
  autoFocus?: boolean;
}) {
  return (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input
              type={type}
              autoComplete={autoComplete}
              autoFocus={autoFocus}
              spellCheck={type === 'text' ? undefined : false}
              autoCapitalize={type === 'text' ? undefined : 'none'}
              {...field}
              value={(field.value as string | undefined) ?? ''}
            />
          </FormControl>
          {description ? <FormDescription>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** The submit button: disabled, with its busy label, while the form is submitting. */
export function SubmitButton({
  pending,
  children,
  pendingLabel = 'Saving…',
  className,
}: {
  pending: boolean;
  children: React.ReactNode;
  pendingLabel?: string;
  className?: string;
}) {
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** A form-level message (role=alert for errors, role=status for notices). */
export function FormNotice({ tone = 'error', children }: { tone?: 'error' | 'success' | 'info'; children: React.ReactNode }) {
  if (!children) return null;
  const styles = {
    error: 'border-destructive/40 bg-destructive/10 text-destructive',
    success: 'border-emerald-600/30 bg-emerald-600/10 text-emerald-800 dark:text-emerald-300',
    info: 'border-border bg-muted text-foreground',
  }[tone];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {children}
    </div>
  );
}

/** The root error set by `showResult`, shown above the fields. */
export function RootError<T extends FieldValues>({ form }: { form: AnyForm<T> }) {
  const message = form.formState.errors.root?.message;
  return message ? <FormNotice tone="error">{message}</FormNotice> : null;
}

/**
 * Puts a failed ActionResult on the form: each field message next to its field, the summary as
 * the root error. Password fields in `clear` are emptied (typed values otherwise stay).
 */
export function showResult<T extends FieldValues>(
  form: AnyForm<T>,
  result: ActionResult<unknown>,
  clear: readonly Path<T>[] = [],
): boolean {
  if (result.ok) {
    form.clearErrors();
    return true;
  }
  for (const name of clear) form.setValue(name, '' as never, { shouldValidate: false, shouldDirty: false });
  showFieldErrors(form, result.fieldErrors);
  form.setError('root', { type: 'server', message: result.error });
  return false;
}
