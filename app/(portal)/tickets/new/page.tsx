import type { Metadata } from 'next';

import { requireUser } from '@/lib/auth/session';
import { ticketProjectChoices } from '@/db/queries/tickets';
import { PageHeader } from '@/components/page-header';
import { one, type SearchParams } from '@/components/app-shell/search-params';
import { NewTicketForm } from '@/components/tickets/new-ticket-form';
import { createTicketAction } from './actions';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'New ticket' };

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireUser(['CLIENT']);
  const sp = await searchParams;
  const projects = await ticketProjectChoices(viewer).catch(rethrowOutage);
  return (
    <>
      <PageHeader
        back={{ href: '/tickets', label: 'Tickets' }}
        title="New ticket"
        description="Describe what you need. The agency replies here and you get an email when they do."
      />
      <NewTicketForm projects={projects} defaultProjectId={one(sp.projectId)} action={createTicketAction} />
    </>
  );
}
