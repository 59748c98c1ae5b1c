import type { Metadata } from 'next';
import { ChangeEmailForm } from '@/components/auth/change-email-form';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { ProfileForm } from '@/components/auth/profile-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getAccount } from '@/db/queries/accounts';
import { NotificationSettingsSection } from '@/components/collab/notification-settings-section';
import { roleLabel } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const viewer = await requireUser();
  const account = await getAccount(viewer).catch(rethrowOutage);

  return (
    <div className="mx-auto grid w-full max-w-2xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          Signed in as {account.email} ({roleLabel(account.role)}).
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Profile</h2>
          </CardTitle>
          <CardDescription>Your name and company as the agency sees them.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm defaults={{ name: account.name ?? '', company: account.company ?? '' }} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Password</h2>
          </CardTitle>
          <CardDescription>Changing it signs out every other browser and device.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Email address</h2>
          </CardTitle>
          <CardDescription>
            Currently {account.email}. We send a link to the new address; it takes effect once you open it, and we tell
            the old address.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangeEmailForm pendingEmail={account.pendingEmail} />
        </CardContent>
      </Card>

      <NotificationSettingsSection viewer={viewer} />
    </div>
  );
}
