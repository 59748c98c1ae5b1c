import type { Metadata } from 'next';
import Link from '@/components/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { inspectResetToken } from '@/db/queries/accounts';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Reset password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const { valid } = typeof token === 'string' ? await inspectResetToken(token).catch(rethrowOutage) : { valid: false };

  if (!valid) {
    return (
      <AuthCard title="This reset link does not work" description="It is invalid, has expired (links last 1 hour) or has already been used.">
        <Link href="/forgot-password" className="text-sm font-medium underline underline-offset-4">
          Send a new link
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" description="Every signed-in session of your account will be signed out.">
      <ResetPasswordForm token={token as string} />
    </AuthCard>
  );
}
