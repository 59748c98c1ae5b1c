'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { resendLinkAction } from '@/app/(auth)/verify-email/actions';
import { Form } from '@/components/ui/form';
import { emailOnlySchema, type EmailOnlyInput } from '@/lib/validation/auth';
import { FormNotice, RootError, showResult, SubmitButton, TextField } from './form-parts';

export function ResendVerificationForm() {
  const form = useForm<EmailOnlyInput>({
    resolver: zodResolver(emailOnlySchema, undefined, { raw: true }),
    defaultValues: { email: '' },
  });
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(values: EmailOnlyInput) {
    const result = await resendLinkAction(values);
    if (showResult(form, result)) setSent(result.ok ? (result.message ?? 'Sent.') : null);
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        {sent ? <FormNotice tone="success">{sent}</FormNotice> : null}
        <TextField form={form} name="email" label="Email" type="email" autoComplete="email" />
        <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Sending…">
          Send a new link
        </SubmitButton>
      </form>
    </Form>
  );
}
