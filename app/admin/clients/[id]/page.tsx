import type { Metadata } from 'next';
import Link from '@/components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { FolderKanbanIcon, LifeBuoyIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { getClient } from '@/db/queries/clients';
import { listProjects } from '@/db/queries/projects';
import { listTickets } from '@/db/queries/tickets';
import { segmentValue } from '@/lib/route-segment';
import { NotFoundError } from '@/lib/action-result';
import { formatDate, formatDateTime } from '@/lib/format';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { ProjectList } from '@/components/projects/project-list';
import { TicketTable } from '@/components/tickets/ticket-table';
import { AccountBadges } from '@/components/admin/account-badges';
import { ClientAccountActions } from '@/components/admin/client-account-actions';
import { ClientEditForm } from '@/components/admin/client-edit-form';
import { NewProjectDialog } from '@/components/admin/new-project-dialog';
import { rethrowOutage } from '@/lib/outage';

type Props = { params: Promise<{ id: string }> };

const loadClient = cache(async (id: string) => {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  try {
    return { viewer, client: await getClient(viewer, { userId: segmentValue(id) }) };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    return rethrowOutage(err);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadClient((await params).id);
  return { title: data ? `Client: ${data.client.name ?? data.client.email}` : 'Client not found' };
}

export default async function ClientPage({ params }: Props) {
  const data = await loadClient((await params).id);
  if (!data) notFound();
  const { viewer, client } = data;
  // The shared, role-aware lists with this client's filter: two statements, whatever the size.
  const [projects, tickets] = await Promise.all([
    listProjects(viewer, { clientId: client.id, limit: 50 }),
    listTickets(viewer, { clientId: client.id, limit: 10 }),
  ]).catch(rethrowOutage);
  const label = client.name ?? client.email;

  return (
    <>
      <PageHeader
        back={{ href: '/admin/clients', label: 'Clients' }}
        eyebrow={client.email}
        title={label}
        description={client.company ?? undefined}
        actions={<NewProjectDialog clientId={client.id} clientLabel={label} />}
      >
        <AccountBadges active={client.active} emailVerified={client.emailVerified} invitePending={client.invitePending} />
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="projects-heading">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="projects-heading" className="text-lg font-semibold">
                Projects ({client.projectCount})
              </h2>
              {client.projectCount > 0 ? (
                <Link href={`/admin/projects?clientId=${client.id}`} className="text-sm text-primary underline-offset-4 hover:underline">
                  Open in the project list
                </Link>
              ) : null}
            </div>
            {projects.items.length === 0 ? (
              <EmptyState
                as="h3"
                icon={<FolderKanbanIcon />}
                title="No projects yet"
                description="Create one for this client with “New project”, or wait for them to request one."
              />
            ) : (
              <ProjectList projects={projects.items} basePath="/admin/projects" />
            )}
          </section>

          <section aria-labelledby="tickets-heading">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="tickets-heading" className="text-lg font-semibold">
                Tickets ({client.ticketCount}, {client.activeTicketCount} active)
              </h2>
              {client.ticketCount > 0 ? (
                <Link
                  href={`/admin/tickets?status=ALL&clientId=${client.id}`}
                  className="text-sm text-primary underline-offset-4 hover:underline"
                >
                  All their tickets in the queue
                </Link>
              ) : null}
            </div>
            {tickets.items.length === 0 ? (
              <EmptyState as="h3" icon={<LifeBuoyIcon />} title="No tickets" description="This client has not opened a ticket." />
            ) : (
              <TicketTable tickets={tickets.items} side="agency" showClient={false} caption={`Tickets of ${label}`} />
            )}
          </section>
        </div>

        <aside className="space-y-6" aria-label="Client account">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Account</h2>
              </CardTitle>
              <CardDescription>
                Joined {formatDate(client.createdAt)} · last sign-in{' '}
                {client.lastLoggedIn ? formatDateTime(client.lastLoggedIn) : 'never'}
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              <p className="text-sm text-muted-foreground">
                {client.invitePending
                  ? 'Invited: they have not chosen a password yet.'
                  : client.emailVerified
                    ? 'Email verified.'
                    : 'Email not verified yet: they cannot sign in until they confirm it.'}
                {client.active ? '' : ' Deactivated: they cannot sign in.'}
              </p>
              <ClientAccountActions client={client} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Details</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ClientEditForm client={client} />
            </CardContent>
          </Card>
        </aside>
      </div>
    </>
  );
}
