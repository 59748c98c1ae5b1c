'use client';

import * as React from 'react';
import Form from 'next/form';

import type { ProjectStatus } from '@/db/schema';
import { PROJECT_STATUS_LABELS } from '@/lib/format';
import { PROJECT_STATUSES } from '@/lib/workflows';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/app-shell/native-select';

const PROJECT_SORT_OPTIONS = [
  { value: 'updated', label: 'Recently updated' },
  { value: 'created', label: 'Newest first' },
  { value: 'title', label: 'Title (A–Z)' },
  { value: 'start', label: 'Start date' },
] as const;

type ProjectFiltersProps = {
  pathname: string;
  status?: ProjectStatus | '';
  sort: string;
  counts?: Partial<Record<ProjectStatus, number>>;
  /** Other query values to keep (e.g. clientId on the admin side). */
  keep?: Record<string, string | undefined>;
};

/**
 * Status filter and sort, kept in the URL (a GET form: works without JavaScript; with it, a
 * change applies at once).
 */
export function ProjectFilters({ pathname, status = '', sort, counts, keep = {} }: ProjectFiltersProps) {
  const formRef = React.useRef<HTMLFormElement>(null);
  const submit = () => formRef.current?.requestSubmit();
  return (
    <Form ref={formRef} action={pathname} className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="grid w-full gap-1.5 sm:w-52">
        <Label htmlFor="project-status">Status</Label>
        <NativeSelect id="project-status" name="status" defaultValue={status} onChange={submit}>
          <option value="">All statuses</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROJECT_STATUS_LABELS[s]}
              {counts?.[s] !== undefined ? ` (${counts[s]})` : ''}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid w-full gap-1.5 sm:w-52">
        <Label htmlFor="project-sort">Sort by</Label>
        <NativeSelect id="project-sort" name="sort" defaultValue={sort} onChange={submit}>
          {PROJECT_SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </Form>
  );
}
