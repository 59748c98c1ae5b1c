'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { acceptInviteAction } from '@/app/(auth)/accept-invite/actions';
import { Form } from '@/components/ui/form';
import { acceptInviteSchema, type AcceptInviteInput } from '@/lib/validation/auth';
import { RootError, showResult, SubmitButton, TextField } from './form-parts';
import { PasswordHint } from './password-hint';

export function AcceptInviteForm({ token, defaultName }: { token: string; defaultName: string }) {
  const form = useForm<AcceptInviteInput>({
    resolver: zodResolver(acceptInviteSchema, undefined, { raw: true }),
    defaultValues: { token, name: defaultName, password: '', confirmPassword: '' },
  });

  async function onSubmit(values: AcceptInviteInput) {
    const result = await acceptInviteAction({ ...values, token });
    showResult(form, result, ['password', 'confirmPassword']); // success signs in and redirects
  }

  const password = useWatch({ control: form.control, name: 'password' });

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        <TextField form={form} name="name" label="Name" autoComplete="name" autoFocus />
        <TextField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          description={<PasswordHint password={password} />}
        />
        <TextField form={form} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Setting up…">
          Accept invitation
        </SubmitButton>
      </form>
    </Form>
  );
}
