import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SetupForm } from '@/components/auth/setup-form';
import { hasAnyUser } from '@/db/queries/accounts';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Set up the portal' };
// Decided per request: a page built while the database was empty must not stay open.
export const dynamic = 'force-dynamic';

// Only while the database has no user at all; a 404 afterwards.
export default async function SetupPage() {
  if (await hasAnyUser().catch(rethrowOutage)) notFound();
  return (
    <AuthCard title="Set up the portal" description="Create the first administrator account. You can invite your team and clients afterwards.">
      <SetupForm />
    </AuthCard>
  );
}
