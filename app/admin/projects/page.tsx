import type { Metadata } from 'next';
import Link from 'next/link';
import Form from 'next/form';
import { FolderKanbanIcon, SearchIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listClientOptions } from '@/db/queries/clients';
import { listProjects, projectStatusCounts } from '@/db/queries/projects';
import { projectListSchema, PROJECT_STATUSES, PROJECT_TYPES } from '@/lib/validation/admin';
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { KeysetPagination } from '@/components/app-shell/keyset-pagination';
import { NativeSelect } from '@/components/app-shell/native-select';
import { ProjectList } from '@/components/projects/project-list';
import { firstOfEach } from '@/components/admin/hrefs';

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
  const [page, counts, clients] = await Promise.all([
    listProjects(viewer, {
      status: q.status ? [q.status] : undefined,
      type: q.type ? [q.type] : undefined,
      clientId: q.clientId,
      search: q.q,
      sort: q.sort,
      cursor: q.cursor,
    }),
    projectStatusCounts(viewer, { clientId: q.clientId }),
    listClientOptions(viewer),
  ]);
  const query = { status: q.status, type: q.type, clientId: q.clientId, q: q.q, sort: q.sort === 'updated' ? undefined : q.sort };
  const filtered = Boolean(q.status || q.type || q.clientId || q.q);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Every client’s projects (${total.toLocaleString('en-GB')}${q.clientId ? ' for this client' : ''}). Open one to edit it or move it through the workflow.`}
        actions={
          <Button variant="outline" asChild>
            <Link href="/admin/clients">New project for a client</Link>
          </Button>
        }
      />

      <Form action="/admin/projects" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_auto_auto_auto_auto_auto] lg:items-end">
        <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor="project-search">Search by title</Label>
          <Input id="project-search" name="q" type="search" defaultValue={q.q} placeholder="Title contains…" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="project-status">Status</Label>
          <NativeSelect id="project-status" name="status" defaultValue={q.status ?? ''}>
            <option value="">All statuses</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PROJECT_STATUS_LABELS[s]} ({counts[s]})
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="project-type">Type</Label>
          <NativeSelect id="project-type" name="type" defaultValue={q.type ?? ''}>
            <option value="">All types</option>
            {PROJECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {PROJECT_TYPE_LABELS[t]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="project-client">Client</Label>
          <NativeSelect id="project-client" name="clientId" defaultValue={q.clientId ?? ''} className="lg:max-w-56">
            <option value="">All clients</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="project-sort">Sort by</Label>
          <NativeSelect id="project-sort" name="sort" defaultValue={q.sort}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary">
          <SearchIcon aria-hidden="true" />
          Apply
        </Button>
      </Form>

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
