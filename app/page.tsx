import { redirect } from 'next/navigation';

import { getViewer } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/roles';

// "/" has no page of its own: signed-in users go to their home, everyone else to the login.
export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? homeFor(viewer.role) : '/login');
}
