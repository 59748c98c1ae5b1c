import { z } from 'zod';
import { text } from './text';

// Schemas shared by the account forms (react-hook-form + zodResolver) and their server actions.
// The password rules counted here are the format ones (8–128 characters as a person counts
// them, no truncation, no composition rules). The bundled common-password list (≈50 000 entries)
// stays on the server: the data layer refuses a common password with a field error on the same
// field (db/queries/accounts.ts), so the browser never downloads the list.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Characters as a person counts them (code points), not UTF-16 units or bytes. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export const emailField = text({ message: 'Enter your email address.' })
  .trim()
  .min(1, { message: 'Enter your email address.' })
  .max(254, { message: 'Email addresses are at most 254 characters.' })
  .pipe(z.email({ message: 'Enter a valid email address.' }))
  .transform((v) => v.toLowerCase());

/** A password being chosen: length rules only (see the file comment). Never trimmed. Passwords
 * are only hashed, never stored as text, so they are plain z.string() (NUL allowed). */
export const newPasswordField = z.string({ message: 'Enter a password.' }).superRefine((value, ctx) => {
  const length = passwordLength(value);
  if (length === 0) ctx.addIssue({ code: 'custom', message: 'Enter a password.' });
  else if (length < PASSWORD_MIN) ctx.addIssue({ code: 'custom', message: `Use at least ${PASSWORD_MIN} characters.` });
  else if (length > PASSWORD_MAX) ctx.addIssue({ code: 'custom', message: `Use at most ${PASSWORD_MAX} characters.` });
});

/** A password being checked (sign-in, current password): any non-empty value, bounded. */
export const existingPasswordField = z
  .string({ message: 'Enter your password.' })
  .min(1, { message: 'Enter your password.' })
  .max(1024, { message: 'Email or password is incorrect.' });

const nameField = text({ message: 'Enter your name.' })
  .trim()
  .min(1, { message: 'Enter your name.' })
  .max(100, { message: 'Use at most 100 characters.' });

const companyField = text().trim().max(120, { message: 'Use at most 120 characters.' });

const tokenField = text().trim().min(20, { message: 'This link is invalid.' }).max(200, { message: 'This link is invalid.' });

function confirmMatches<T extends { confirmPassword: string }>(passwordKey: keyof T & string) {
  return (data: T, ctx: z.RefinementCtx) => {
    if (data.confirmPassword !== (data[passwordKey] as unknown as string)) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match.' });
    }
  };
}

export const loginSchema = z.object({
  email: emailField,
  password: existingPasswordField,
  callbackUrl: text().max(2048).optional(),
});
export type LoginInput = z.input<typeof loginSchema>;

export const emailOnlySchema = z.object({ email: emailField });
export type EmailOnlyInput = z.input<typeof emailOnlySchema>;

export const registerSchema = z
  .object({
    name: nameField,
    company: companyField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ message: 'Confirm your password.' }),
  })
  .superRefine(confirmMatches('password'));
export type RegisterInput = z.input<typeof registerSchema>;

export const resetPasswordSchema = z
  .object({
    token: tokenField,
    password: newPasswordField,
    confirmPassword: z.string({ message: 'Confirm your password.' }),
  })
  .superRefine(confirmMatches('password'));
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const acceptInviteSchema = z
  .object({
    token: tokenField,
    name: nameField,
    password: newPasswordField,
    confirmPassword: z.string({ message: 'Confirm your password.' }),
  })
  .superRefine(confirmMatches('password'));
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;

export const setupSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ message: 'Confirm your password.' }),
  })
  .superRefine(confirmMatches('password'));
export type SetupInput = z.input<typeof setupSchema>;

export const tokenSchema = z.object({ token: tokenField });

export const profileSchema = z.object({ name: nameField, company: companyField });
export type ProfileInput = z.input<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: existingPasswordField,
    newPassword: newPasswordField,
    confirmPassword: z.string({ message: 'Confirm your new password.' }),
  })
  .superRefine(confirmMatches('newPassword'));
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const changeEmailSchema = z.object({
  newEmail: emailField,
  password: existingPasswordField,
});
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

/** Staff invitations (lib/auth/invitations.ts); the admin UI builds its form on this. */
export const inviteSchema = z.object({
  email: emailField,
  role: z.enum(['CLIENT', 'ADMIN', 'SUPER_ADMIN'], { message: 'Choose a role.' }),
  name: text().trim().max(100, { message: 'Use at most 100 characters.' }).optional(),
  company: companyField.optional(),
});
export type InviteInput = z.input<typeof inviteSchema>;
