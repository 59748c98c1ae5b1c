'use client';

import Link from '@/components/link';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { loginAction, resendVerificationAction } from '@/app/(auth)/login/actions';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { lazyResolver } from '@/lib/lazy-resolver';
import type { LoginInput } from '@/lib/validation/auth';
import { FormNotice, RootError, showResult, SubmitButton, TextField } from './form-parts';

// The schema and zod load on the first keystroke or submit, not with the page.
const login = lazyResolver<LoginInput>(() => import('./login-resolver').then((m) => m.loginResolver));

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const form = useForm<LoginInput>({
    resolver: login.resolver,
    defaultValues: { email: '', password: '', callbackUrl },
  });
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  const [resendMessage, setResendMessage] = useState<string | null>(null);
  const [resending, startResend] = useTransition();

  async function onSubmit(values: LoginInput) {
    setUnverifiedEmail(null);
    setResendMessage(null);
    const result = await loginAction({ ...values, callbackUrl });
    // Success redirects; only failures come back.
    showResult(form, result, ['password']);
    if (!result.ok && result.reason === 'unverified') setUnverifiedEmail(values.email);
  }

  function resend() {
    if (!unverifiedEmail) return;
    startResend(async () => {
      const result = await resendVerificationAction({ email: unverifiedEmail });
      setResendMessage(result.ok ? (result.message ?? 'We sent a new link.') : result.error);
    });
  }

  const submitting = form.formState.isSubmitting;

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} onInput={login.preload} className="grid gap-4" noValidate>
        <RootError form={form} />
        {unverifiedEmail ? (
          <div className="grid gap-2">
            <Button type="button" variant="outline" onClick={resend} disabled={resending}>
              {resending ? 'Sending…' : 'Resend verification email'}
            </Button>
            {resendMessage ? <FormNotice tone="info">{resendMessage}</FormNotice> : null}
          </div>
        ) : null}
        <TextField form={form} name="email" label="Email" type="email" autoComplete="email" autoFocus />
        <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" />
        <div className="flex items-center justify-between gap-4">
          <Link href="/forgot-password" className="text-sm underline underline-offset-4">
            Forgot your password?
          </Link>
          <SubmitButton pending={submitting} pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </div>
      </form>
    </Form>
  );
}
