import type { Metadata } from 'next';
import Link from '@/components/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ResendVerificationForm } from '@/components/auth/resend-verification-form';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';
import { inspectEmailToken } from '@/db/queries/accounts';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Verify your email', referrer: 'no-referrer' };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const lookup = typeof token === 'string' ? await inspectEmailToken(token, ['VERIFY', 'EMAIL_CHANGE']).catch(rethrowOutage) : { valid: false as const };

  if (!lookup.valid) {
    return (
      <AuthCard
        title="This link does not work"
        description="It is invalid, has expired or has already been used."
        footer={
          <Link href="/login" className="underline underline-offset-4">
            Back to sign in
          </Link>
        }
      >
        <p className="mb-4 text-sm text-muted-foreground">
          Enter your email address and we will send a new verification link if your account still needs one.
        </p>
        <ResendVerificationForm />
      </AuthCard>
    );
  }

  const changing = lookup.purpose === 'EMAIL_CHANGE';
  return (
    <AuthCard
      title={changing ? 'Confirm your new email' : 'Verify your email'}
      description={
        changing
          ? `Use ${lookup.newEmail} for your account from now on.`
          : `Confirm that ${lookup.email} is your email address.`
      }
    >
      <VerifyEmailForm token={token as string} label={changing ? 'Confirm new email' : 'Verify email'} />
    </AuthCard>
  );
}
