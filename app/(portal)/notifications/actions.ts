'use server';

import { revalidatePath } from 'next/cache';
import { ZodError } from 'zod';

import { requireUser } from '@/lib/auth/session';
import { markAllNotificationsRead, markNotificationRead, setNotificationPreferences } from '@/db/queries/notifications';
import { fail, invalid, NotFoundError, type ActionResult } from '@/lib/action-result';

// The bell's actions (every role). Each one touches only the signed-in user's own rows: the
// query matches user_id = viewer.id, so another user's id is "not found".

export async function markNotificationReadAction(id: string): Promise<ActionResult> {
  const viewer = await requireUser();
  try {
    await markNotificationRead(viewer, id);
  } catch (err) {
    if (err instanceof NotFoundError) return fail('This notification was not found.');
    if (err instanceof ZodError) return invalid(err);
    throw err;
  }
  revalidatePath('/', 'layout');
  return { ok: true };
}

export async function markAllNotificationsReadAction(): Promise<ActionResult> {
  const viewer = await requireUser();
  const n = await markAllNotificationsRead(viewer);
  revalidatePath('/', 'layout');
  return { ok: true, message: n ? 'All notifications marked read.' : 'Nothing unread.' };
}

export async function saveNotificationPreferencesAction(input: unknown): Promise<ActionResult> {
  const viewer = await requireUser();
  try {
    await setNotificationPreferences(viewer, input);
  } catch (err) {
    if (err instanceof ZodError) return invalid(err);
    throw err;
  }
  revalidatePath('/settings');
  return { ok: true, message: 'Notification preferences saved.' };
}
