'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { changeEmailAction } from '@/app/(portal)/settings/actions';
import { Form } from '@/components/ui/form';
import { changeEmailSchema, type ChangeEmailInput } from '@/lib/validation/auth';
import { FormNotice, RootError, showResult, SubmitButton, TextField } from './form-parts';

export function ChangeEmailForm({ pendingEmail }: { pendingEmail: string | null }) {
  const form = useForm<ChangeEmailInput>({
    resolver: zodResolver(changeEmailSchema, undefined, { raw: true }),
    defaultValues: { newEmail: '', password: '' },
  });
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(values: ChangeEmailInput) {
    setSent(null);
    const result = await changeEmailAction(values);
    if (showResult(form, result, ['password']) && result.ok) {
      setSent(result.message ?? 'Check your inbox.');
      form.reset({ newEmail: '', password: '' });
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        {sent ? <FormNotice tone="success">{sent}</FormNotice> : null}
        {!sent && pendingEmail ? (
          <FormNotice tone="info">Waiting for confirmation of {pendingEmail}. Check that inbox for the link.</FormNotice>
        ) : null}
        <TextField form={form} name="newEmail" label="New email" type="email" autoComplete="email" />
        <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" />
        <div>
          <SubmitButton pending={form.formState.isSubmitting}>Change email</SubmitButton>
        </div>
      </form>
    </Form>
  );
}
