import type { Metadata } from 'next';

import { requireUser } from '@/lib/auth/session';
import { PageHeader } from '@/components/page-header';
import { ProjectRequestForm } from '@/components/projects/project-request-form';
import { requestProjectAction } from './actions';

export const metadata: Metadata = { title: 'Request a project' };

export default async function NewProjectPage() {
  await requireUser(['CLIENT']);
  return (
    <>
      <PageHeader
        back={{ href: '/projects', label: 'Projects' }}
        title="Request a project"
        description="Tell us what you need. The agency reviews every request and replies by email; you can follow it here."
      />
      <ProjectRequestForm action={requestProjectAction} />
    </>
  );
}
