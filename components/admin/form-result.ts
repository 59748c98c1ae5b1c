import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { showFieldErrors } from '@/lib/form-errors';

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
  const placed = form ? showFieldErrors(form, result.fieldErrors, fields) : false;
  if (form) form.setError('root.server' as Path<T>, { type: 'server', message: result.error });
  if (!placed || !form) toast.error(result.error);
  return false;
}
