'use client';

import type { FieldValues, UseFormReturn } from 'react-hook-form';

/** The form-level error of the last submission (set by applyResult), announced to screen readers. */
export function FormRootError<T extends FieldValues>({ form }: { form: UseFormReturn<T> }) {
  const message = (form.formState.errors.root as { server?: { message?: string } } | undefined)?.server?.message;
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {message}
    </p>
  );
}
