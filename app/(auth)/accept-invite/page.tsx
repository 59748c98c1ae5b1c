import type { Metadata } from 'next';
import Link from '@/components/link';
import { AcceptInviteForm } from '@/components/auth/accept-invite-form';
import { AuthCard } from '@/components/auth/auth-card';
import { inspectEmailToken } from '@/db/queries/accounts';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Accept invitation', referrer: 'no-referrer' };

export default async function AcceptInvitePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const lookup = typeof token === 'string' ? await inspectEmailToken(token, ['INVITE']).catch(rethrowOutage) : { valid: false as const };

  if (!lookup.valid) {
    return (
      <AuthCard
        title="This invitation does not work"
        description="It is invalid, has expired (invitations last 7 days) or has already been used. Ask us for a new one."
      >
        <Link href="/login" className="text-sm font-medium underline underline-offset-4">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Accept your invitation" description={`Set up the account for ${lookup.email}.`}>
      <AcceptInviteForm token={token as string} defaultName={lookup.name ?? ''} />
    </AuthCard>
  );
}
