import type { Metadata } from 'next';
import Link from '@/components/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { FormNotice } from '@/components/auth/form-parts';
import { LoginForm } from '@/components/auth/login-form';
import { hasAnyUser } from '@/db/queries/accounts';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { homeFor } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Sign in' };

const NOTICES: Record<string, string> = {
  reset: 'Your password was changed. Sign in with your new password.',
  verified: 'Your email address is verified. You can sign in now.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const safeCallback = safeCallbackPath(callbackUrl, env().APP_URL);

  const viewer = await getViewer();
  if (viewer) redirect(safeCallback ?? homeFor(viewer.role));
  if (!(await hasAnyUser().catch(rethrowOutage))) redirect('/setup');

  const notice = typeof params.notice === 'string' ? NOTICES[params.notice] : undefined;
  const registrationOpen = env().ALLOW_REGISTRATION;

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to follow your projects and tickets."
      footer={
        registrationOpen ? (
          <p>
            New here?{' '}
            <Link href="/register" className="font-medium text-foreground underline underline-offset-4">
              Create an account
            </Link>
          </p>
        ) : null
      }
    >
      {notice ? (
        <div className="mb-4">
          <FormNotice tone="success">{notice}</FormNotice>
        </div>
      ) : null}
      <LoginForm callbackUrl={safeCallback ?? undefined} />
    </AuthCard>
  );
}
