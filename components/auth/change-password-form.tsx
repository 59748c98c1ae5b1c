'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from '@/components/ui/toast';
import { changePasswordAction } from '@/app/(portal)/settings/actions';
import { Form } from '@/components/ui/form';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validation/auth';
import { RootError, showResult, SubmitButton, TextField } from './form-parts';
import { PasswordHint } from './password-hint';

const EMPTY: ChangePasswordInput = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema, undefined, { raw: true }),
    defaultValues: EMPTY,
  });

  async function onSubmit(values: ChangePasswordInput) {
    const result = await changePasswordAction(values);
    if (showResult(form, result, ['currentPassword', 'newPassword', 'confirmPassword']) && result.ok) {
      toast.success(result.message ?? 'Password changed.');
      form.reset(EMPTY);
    }
  }

  const password = useWatch({ control: form.control, name: 'newPassword' });

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        <TextField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
        <TextField
          form={form}
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          description={<PasswordHint password={password} />}
        />
        <TextField form={form} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <div>
          <SubmitButton pending={form.formState.isSubmitting}>Change password</SubmitButton>
        </div>
      </form>
    </Form>
  );
}
