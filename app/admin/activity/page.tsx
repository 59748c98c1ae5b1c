import type { Metadata } from 'next';
import Link from 'next/link';
import Form from 'next/form';
import { HistoryIcon, SearchIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { activityFilterChoices, listActivity } from '@/db/queries/activity';
import { activityFiltersSchema } from '@/lib/validation/collab';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { NativeSelect } from '@/components/app-shell/native-select';
import { firstOfEach, hrefWith } from '@/components/admin/hrefs';

// /admin/activity — SUPER_ADMIN only (an ADMIN is sent to /admin; the query refuses anyone else
// with NotFoundError). Security matrix: signed out → /login; CLIENT → /dashboard (proxy);
// ADMIN → /admin; SUPER_ADMIN → 200.

export const metadata: Metadata = { title: 'Activity log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ENTITY_TYPES = ['ticket', 'project', 'user'] as const;

export default async function ActivityPage({ searchParams }: Props) {
  const viewer = await requireUser(['SUPER_ADMIN']);
  const raw = firstOfEach(await searchParams);
  const f = activityFiltersSchema.parse(raw);
  const [page, choices] = await Promise.all([listActivity(viewer, raw), activityFilterChoices(viewer)]);
  const current = {
    actorId: f.actorId,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    from: raw.from,
    to: raw.to,
  };

  return (
    <>
      <PageHeader title="Activity log" description="Every recorded change and sign-in, newest first." />
      <Form action="/admin/activity" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div className="grid gap-1.5">
          <Label htmlFor="activity-actor">Actor</Label>
          <NativeSelect id="activity-actor" name="actorId" defaultValue={f.actorId ?? ''}>
            <option value="">Anyone</option>
            {choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-action">Action</Label>
          <NativeSelect id="activity-action" name="action" defaultValue={f.action ?? ''}>
            <option value="">Any action</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-entity-type">Entity</Label>
          <NativeSelect id="activity-entity-type" name="entityType" defaultValue={f.entityType ?? ''}>
            <option value="">Any entity</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-entity-id">Entity id</Label>
          <Input id="activity-entity-id" name="entityId" defaultValue={f.entityId ?? ''} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-from">From</Label>
          <Input id="activity-from" name="from" type="date" defaultValue={raw.from ?? ''} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-to">To</Label>
          <Input id="activity-to" name="to" type="date" defaultValue={raw.to ?? ''} />
        </div>
        <div>
          <Button type="submit" variant="secondary">
            <SearchIcon aria-hidden="true" />
            Apply
          </Button>
        </div>
      </Form>

      {page.items.length === 0 ? (
        <EmptyState icon={<HistoryIcon />} title="No activity matches" description="Try other filters." />
      ) : (
        <div className="overflow-x-auto rounded-xl border">
          <table className="w-full text-sm">
            <caption className="sr-only">Activity log</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">Time</th>
                <th scope="col" className="p-2 font-medium">Actor</th>
                <th scope="col" className="p-2 font-medium">Action</th>
                <th scope="col" className="p-2 font-medium">Entity</th>
                <th scope="col" className="p-2 font-medium">Details</th>
                <th scope="col" className="p-2 font-medium">IP / user agent</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id} className="border-t align-top">
                  <td className="p-2 whitespace-nowrap">
                    <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
                  </td>
                  <td className="p-2">{e.actorName ?? e.actorEmail ?? 'System / deleted user'}</td>
                  <td className="p-2 font-mono text-xs">{e.action}</td>
                  <td className="p-2 font-mono text-xs break-all">
                    {e.entityType}:{e.entityId}
                  </td>
                  <td className="p-2 font-mono text-xs break-all">{e.details ? JSON.stringify(e.details) : ''}</td>
                  <td className="p-2 text-xs break-all text-muted-foreground">
                    {e.ip ?? '—'}
                    {e.userAgent ? <div className="max-w-60 truncate" title={e.userAgent}>{e.userAgent}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Activity pages" className="mt-4 flex justify-between">
        {page.page > 1 ? (
          <Link className="text-primary underline-offset-4 hover:underline" href={hrefWith('/admin/activity', current, { page: page.page - 1 })}>
            Previous page
          </Link>
        ) : (
          <span />
        )}
        {page.hasMore ? (
          <Link className="text-primary underline-offset-4 hover:underline" href={hrefWith('/admin/activity', current, { page: page.page + 1 })}>
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
