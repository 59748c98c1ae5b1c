import type { Metadata } from 'next';
import Link from '@/components/link';
import { FolderKanbanIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { clientOption } from '@/db/queries/clients';
import { listProjects, projectStatusCounts } from '@/db/queries/projects';
import { projectListSchema, PROJECT_STATUSES, PROJECT_TYPES } from '@/lib/validation/admin';
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { KeysetPagination } from '@/components/app-shell/keyset-pagination';
import { ProjectList } from '@/components/projects/project-list';
import { firstOfEach, hrefWith } from '@/components/admin/hrefs';
import { FilterBar, InputFilter, SelectFilter, optionsOf } from '@/components/admin/filter-bar';
import { ClientScopeDescription, ClientSearchField, ClientSearchNote } from '@/components/admin/client-search';
import { groupDigits } from '@/lib/group-digits';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Projects' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS = [
  { value: 'updated', label: 'Recently updated' },
  { value: 'created', label: 'Newest first' },
  { value: 'title', label: 'Title (A–Z)' },
  { value: 'start', label: 'Start date' },
] as const;

export default async function AdminProjectsPage({ searchParams }: Props) {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  const q = projectListSchema.parse(firstOfEach(await searchParams));
  // The client filter is a search field (name, email or company), as on the ticket queue, not a
  // menu of every client: a menu grows with the agency (decision 013). A client's own link
  // (?clientId=…) still narrows the list to them, and the header names them.
  const [page, counts, client] = await Promise.all([
    listProjects(viewer, {
      status: q.status ? [q.status] : undefined,
      type: q.type ? [q.type] : undefined,
      clientId: q.clientId,
      clientSearch: q.client,
      search: q.q,
      sort: q.sort,
      cursor: q.cursor,
    }),
    projectStatusCounts(viewer, { clientId: q.clientId, clientSearch: q.client }),
    q.clientId ? clientOption(viewer, q.clientId) : null,
  ]).catch(rethrowOutage);
  const query = {
    status: q.status,
    type: q.type,
    clientId: q.clientId,
    client: q.client,
    q: q.q,
    sort: q.sort === 'updated' ? undefined : q.sort,
  };
  const filtered = Boolean(q.status || q.type || q.clientId || q.client || q.q);
  const total = groupDigits(Object.values(counts).reduce((a, b) => a + b, 0));

  return (
    <>
      <PageHeader
        title="Projects"
        description={
          client ? (
            <ClientScopeDescription noun="projects" client={client.label} count={total} clearHref={hrefWith('/admin/projects', { ...query, clientId: undefined })} />
          ) : (
            `Every client’s projects (${total}${q.clientId || q.client ? ' matching the client filter' : ''}). Open one to edit it or move it through the workflow.`
          )
        }
        actions={
          <Button variant="outline" asChild>
            <Link href="/admin/clients">New project for a client</Link>
          </Button>
        }
      />

      <FilterBar action="/admin/projects" className="lg:grid-cols-[1fr_auto_auto_auto_auto_auto] lg:items-end">
        <InputFilter id="project-search" name="q" label="Search by title" type="search" value={q.q} placeholder="Title contains…" className="sm:col-span-2 lg:col-span-1" />
        <SelectFilter
          id="project-status"
          name="status"
          label="Status"
          value={q.status}
          any="All statuses"
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: `${PROJECT_STATUS_LABELS[s]} (${counts[s]})` }))}
        />
        <SelectFilter id="project-type" name="type" label="Type" value={q.type} any="All types" options={optionsOf(PROJECT_TYPES, PROJECT_TYPE_LABELS)} />
        <ClientSearchField id="project-client" value={q.client} clientId={q.clientId} />
        <SelectFilter id="project-sort" name="sort" label="Sort by" value={q.sort} options={SORTS} />
      </FilterBar>
      <ClientSearchNote id="project-client" value={q.client} />

      {page.items.length === 0 ? (
        <EmptyState
          icon={<FolderKanbanIcon />}
          title={filtered ? 'No project matches' : 'No projects yet'}
          description={
            filtered
              ? 'Try another title or clear the filters.'
              : 'Clients request projects from their portal; you can also create one from a client’s page.'
          }
          action={
            <Button variant="outline" asChild>
              <Link href={filtered ? '/admin/projects' : '/admin/clients'}>{filtered ? 'Clear filters' : 'Go to clients'}</Link>
            </Button>
          }
        />
      ) : (
        <ProjectList projects={page.items} basePath="/admin/projects" showClient />
      )}

      <KeysetPagination
        pathname="/admin/projects"
        query={query}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        label="Project pages"
      />
    </>
  );
}
