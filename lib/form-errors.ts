import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

/**
 * Puts a server action's per-field messages next to their fields on a react-hook-form form.
 * Only fields the form has (or the ones named) are set; returns true when any message was placed,
 * so the caller decides where the summary goes. Shared by every form that calls an action.
 */
export function showFieldErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  fieldErrors: Record<string, string[]> | undefined,
  fields: readonly string[] = Object.keys(form.getValues()),
): boolean {
  let placed = false;
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (fields.includes(key) && messages?.[0]) {
      form.setError(key as Path<T>, { type: 'server', message: messages[0] });
      placed = true;
    }
  }
  return placed;
}
