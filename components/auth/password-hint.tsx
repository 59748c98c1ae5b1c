'use client';

import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from '@/lib/validation/auth';

/**
 * A plain length hint (no composition rules). Very common passwords are refused by the server
 * with a message on the field; the list is too large to ship to the browser.
 */
export function PasswordHint({ password }: { password: string | undefined }) {
  const length = passwordLength(password ?? '');
  if (length === 0) return <>At least {PASSWORD_MIN} characters. A few unrelated words make a strong password.</>;
  if (length < PASSWORD_MIN) return <>{PASSWORD_MIN - length} more {PASSWORD_MIN - length === 1 ? 'character' : 'characters'} needed.</>;
  if (length > PASSWORD_MAX) return <>At most {PASSWORD_MAX} characters.</>;
  return <>{length >= 16 ? 'Good length.' : 'Long enough. Longer is stronger.'}</>;
}
