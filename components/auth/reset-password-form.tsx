'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { resetPasswordAction } from '@/app/(auth)/reset-password/actions';
import { Form } from '@/components/ui/form';
import { resetPasswordSchema, type ResetPasswordInput } from '@/lib/validation/auth';
import { RootError, showResult, SubmitButton, TextField } from './form-parts';
import { PasswordHint } from './password-hint';

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema, undefined, { raw: true }),
    defaultValues: { token, password: '', confirmPassword: '' },
  });

  async function onSubmit(values: ResetPasswordInput) {
    const result = await resetPasswordAction({ ...values, token });
    showResult(form, result, ['password', 'confirmPassword']); // success redirects to /login
  }

  const password = useWatch({ control: form.control, name: 'password' });

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        <TextField
          form={form}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          autoFocus
          description={<PasswordHint password={password} />}
        />
        <TextField form={form} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Saving…">
          Set new password
        </SubmitButton>
      </form>
    </Form>
  );
}
