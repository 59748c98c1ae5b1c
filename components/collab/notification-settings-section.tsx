import * as React from 'react';

import type { Viewer } from '@/lib/auth/session';
import { getNotificationPreferences } from '@/db/queries/notifications';
import { rethrowOutage } from '@/lib/outage';
import { saveNotificationPreferencesAction } from '@/app/(portal)/notifications/actions';
import { NotificationPreferencesForm } from './notification-preferences-form';

/**
 * The "Notifications" section of /settings (server component): place it on the settings page
 * with `<NotificationSettingsSection viewer={viewer} />`.
 */
export async function NotificationSettingsSection({ viewer }: { viewer: Pick<Viewer, 'id' | 'role'> }) {
  const preferences = await getNotificationPreferences(viewer).catch(rethrowOutage);
  return (
    <section aria-labelledby="notification-settings-heading" className="rounded-xl border bg-card p-4 sm:p-6">
      <h2 id="notification-settings-heading" className="text-lg font-semibold">
        Notifications
      </h2>
      <p className="mb-4 text-sm text-muted-foreground">
        Every notification appears under the bell. Choose which ones also come by email.
      </p>
      <NotificationPreferencesForm preferences={preferences} action={saveNotificationPreferencesAction} />
    </section>
  );
}
