'use client';

import Link from '@/components/link';
import { useState, useTransition } from 'react';
import { verifyEmailAction } from '@/app/(auth)/verify-email/actions';
import { Button } from '@/components/ui/button';
import { FormNotice } from './form-parts';

export function VerifyEmailForm({ token, label }: { token: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  function confirm() {
    startTransition(async () => {
      const r = await verifyEmailAction({ token });
      setResult(r.ok ? { ok: true, message: r.message ?? 'Done.' } : { ok: false, message: r.error });
    });
  }

  if (result?.ok) {
    return (
      <div className="grid gap-4">
        <FormNotice tone="success">{result.message}</FormNotice>
        <Button asChild>
          <Link href="/login">Sign in</Link>
        </Button>
      </div>
    );
  }

  return (
    <div className="grid gap-4">
      {result ? <FormNotice tone="error">{result.message}</FormNotice> : null}
      <Button type="button" onClick={confirm} disabled={pending}>
        {pending ? 'Verifying…' : label}
      </Button>
    </div>
  );
}
