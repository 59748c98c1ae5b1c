import type { Metadata } from 'next';
import Link from '@/components/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { RegisterForm } from '@/components/auth/register-form';
import { homeFor } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Create an account' };

export default async function RegisterPage() {
  const viewer = await getViewer();
  if (viewer) redirect(homeFor(viewer.role));

  const signInLink = (
    <p>
      Already have an account?{' '}
      <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
        Sign in
      </Link>
    </p>
  );

  if (!env().ALLOW_REGISTRATION) {
    return (
      <AuthCard title="Registration is closed" footer={signInLink}>
        <p className="text-sm text-muted-foreground">New accounts are created by invitation. Please ask us for one.</p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Create an account" description="For clients of the agency. We will email you a link to confirm your address." footer={signInLink}>
      <RegisterForm />
    </AuthCard>
  );
}
