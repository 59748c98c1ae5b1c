import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/action-result';

/**
 * Shows a server action's answer on a react-hook-form form: field messages next to their
 * fields (unknown keys as a form-level message), the summary as a toast. Returns result.ok.
 */
export function applyResult<T extends FieldValues, R>(
  form: UseFormReturn<T> | null,
  result: ActionResult<R>,
  fields: readonly string[] = [],
): result is { ok: true; message?: string; data?: R } {
  if (result.ok) {
    if (result.message) toast.success(result.message);
    return true;
  }
  let placed = false;
  if (form && result.fieldErrors) {
    for (const [key, messages] of Object.entries(result.fieldErrors)) {
      if (fields.includes(key) && messages?.[0]) {
        form.setError(key as Path<T>, { type: 'server', message: messages[0] });
        placed = true;
      }
    }
  }
  if (form) form.setError('root.server' as Path<T>, { type: 'server', message: result.error });
  if (!placed || !form) toast.error(result.error);
  return false;
}
