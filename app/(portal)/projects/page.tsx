import type { Metadata } from 'next';
import Link from '@/components/link';
import { FolderKanbanIcon, FolderPlusIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listProjects, projectStatusCounts } from '@/db/queries/projects';
import { projectStatusLabel } from '@/lib/format';
import { PROJECT_SORTS, PROJECT_STATUS_VALUES } from '@/lib/validation/projects';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { KeysetPagination } from '@/components/app-shell/keyset-pagination';
import { one, oneOf, type SearchParams } from '@/components/app-shell/search-params';
import { ProjectFilters } from '@/components/projects/project-filters';
import { ProjectList } from '@/components/projects/project-list';
import { cursorParam } from '@/lib/validation/params';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireUser(['CLIENT']);
  const sp = await searchParams;
  const statusValue = one(sp.status);
  const status = statusValue && (PROJECT_STATUS_VALUES as readonly string[]).includes(statusValue) ? (statusValue as (typeof PROJECT_STATUS_VALUES)[number]) : undefined;
  const sort = oneOf(sp.sort, PROJECT_SORTS, 'updated');
  // A bad cursor (a NUL byte, too long) reads as the first page.
  const cursor = cursorParam.parse(one(sp.cursor));

  const [page, counts] = await Promise.all([
    listProjects(viewer, { status, sort, cursor }),
    projectStatusCounts(viewer),
  ]).catch(rethrowOutage);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title="Projects"
        description="Everything we are working on for you, and where each project stands."
        actions={
          <Button asChild>
            <Link href="/projects/new">
              <FolderPlusIcon aria-hidden="true" />
              Request a project
            </Link>
          </Button>
        }
      />
      {total === 0 ? (
        <EmptyState
          icon={<FolderKanbanIcon />}
          title="No projects yet"
          description="Tell us what you would like built. We will review your request and get back to you, usually within two working days."
          action={
            <Button asChild>
              <Link href="/projects/new">Request your first project</Link>
            </Button>
          }
        />
      ) : (
        <>
          <ProjectFilters key={`${status ?? ''}-${sort}`} pathname="/projects" status={status ?? ''} sort={sort} counts={counts} />
          {page.items.length === 0 ? (
            <EmptyState
              icon={<FolderKanbanIcon />}
              title={status ? `No ${projectStatusLabel(status).toLowerCase()} projects` : 'No projects on this page'}
              description="Try another status, or show all your projects."
              action={
                <Button asChild variant="outline">
                  <Link href="/projects">Show all projects</Link>
                </Button>
              }
            />
          ) : (
            <ProjectList projects={page.items} />
          )}
          <KeysetPagination
            pathname="/projects"
            query={{ status, sort: sort === 'updated' ? undefined : sort }}
            nextCursor={page.nextCursor}
            prevCursor={page.prevCursor}
            label="Project pages"
          />
        </>
      )}
    </>
  );
}
