'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from '@/components/link';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { registerAction } from '@/app/(auth)/register/actions';
import { Form } from '@/components/ui/form';
import { registerSchema, type RegisterInput } from '@/lib/validation/auth';
import { FormNotice, RootError, showResult, SubmitButton, TextField } from './form-parts';
import { PasswordHint } from './password-hint';

export function RegisterForm() {
  const form = useForm<RegisterInput>({
    resolver: zodResolver(registerSchema, undefined, { raw: true }),
    defaultValues: { name: '', company: '', email: '', password: '', confirmPassword: '' },
  });
  const [done, setDone] = useState<string | null>(null);
  const password = useWatch({ control: form.control, name: 'password' });

  async function onSubmit(values: RegisterInput) {
    const result = await registerAction(values);
    if (showResult(form, result, ['password', 'confirmPassword'])) {
      setDone(result.ok ? (result.message ?? 'Check your inbox.') : null);
    }
  }

  if (done) {
    return (
      <div className="grid gap-4">
        <FormNotice tone="success">{done}</FormNotice>
        <p className="text-sm text-muted-foreground">
          The link expires in 24 hours. Once you have confirmed your address,{' '}
          <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
            sign in
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        <TextField form={form} name="name" label="Name" autoComplete="name" autoFocus />
        <TextField form={form} name="company" label="Company" autoComplete="organization" />
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
        <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Creating account…">
          Create account
        </SubmitButton>
      </form>
    </Form>
  );
}
