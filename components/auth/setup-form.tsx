'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { setupAction } from '@/app/(auth)/setup/actions';
import { Form } from '@/components/ui/form';
import { setupSchema, type SetupInput } from '@/lib/validation/auth';
import { RootError, showResult, SubmitButton, TextField } from './form-parts';
import { PasswordHint } from './password-hint';

export function SetupForm() {
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupSchema, undefined, { raw: true }),
    defaultValues: { name: '', email: '', password: '', confirmPassword: '' },
  });

  async function onSubmit(values: SetupInput) {
    const result = await setupAction(values);
    showResult(form, result, ['password', 'confirmPassword']); // success signs in and redirects
  }

  const password = useWatch({ control: form.control, name: 'password' });

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        <TextField form={form} name="name" label="Name" autoComplete="name" autoFocus />
        <TextField form={form} name="email" label="Email" type="email" autoComplete="email" />
        <TextField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          description={<PasswordHint password={password} />}
        />
        <TextField form={form} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Creating…">
          Create admin account
        </SubmitButton>
      </form>
    </Form>
  );
}
