import type { Metadata } from 'next';
import Link from '@/components/link';
import { HistoryIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { activityActions, listActivity } from '@/db/queries/activity';
import { activityFiltersSchema } from '@/lib/validation/collab';
import { formatDateTime } from '@/lib/format';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { firstOfEach, hrefWith } from '@/components/admin/hrefs';
import { FilterBar, InputFilter, SelectFilter, optionsOf } from '@/components/admin/filter-bar';
import { CLIENT_SEARCH_MAX, isPrefixClientSearch } from '@/lib/validation/client-search';
import { ClientSearchNote } from '@/components/admin/client-search';
import { KeysetPagination } from '@/components/app-shell/keyset-pagination';
import { rethrowOutage } from '@/lib/outage';

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
  const [page, actions] = await Promise.all([listActivity(viewer, raw), activityActions(viewer)]).catch(rethrowOutage);
  const current = {
    actorId: f.actorId,
    actor: f.actor,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    from: raw.from,
    to: raw.to,
  };

  return (
    <>
      <PageHeader
        title="Activity log"
        description={
          f.actorId ? (
            // An exact actor (a link with ?actorId=): the rows say who, and the way back keeps the other filters.
            <>
              Entries by {page.items[0] ? (page.items[0].actorName ?? page.items[0].actorEmail) : 'one account'}, newest first.{' '}
              <Link href={hrefWith('/admin/activity', current, { actorId: undefined })} className="underline underline-offset-4 hover:text-foreground">
                Show everyone’s entries
              </Link>
            </>
          ) : (
            'Every recorded change and sign-in, newest first.'
          )
        }
      />
      <FilterBar action="/admin/activity" className="lg:grid-cols-3">
        {f.actorId ? <input type="hidden" name="actorId" value={f.actorId} /> : null}
        {/* A search, not a menu of every account that ever acted: that grew with every client. */}
        <InputFilter
          id="activity-actor"
          name="actor"
          label="Actor"
          type="search"
          value={f.actor}
          placeholder="Name, email or company"
          maxLength={CLIENT_SEARCH_MAX}
          describedBy={f.actor && isPrefixClientSearch(f.actor) ? 'activity-actor-note' : undefined}
        />
        <SelectFilter id="activity-action" name="action" label="Action" value={f.action} any="Any action" options={optionsOf(actions)} />
        <SelectFilter id="activity-entity-type" name="entityType" label="Entity" value={f.entityType} any="Any entity" options={optionsOf(ENTITY_TYPES)} />
        <InputFilter id="activity-entity-id" name="entityId" label="Entity id" value={f.entityId} />
        <InputFilter id="activity-from" name="from" label="From" type="date" value={raw.from} />
        <InputFilter id="activity-to" name="to" label="To" type="date" value={raw.to} />
      </FilterBar>
      <ClientSearchNote id="activity-actor" value={f.actor} noun="Actors" />

      {page.items.length === 0 ? (
        <EmptyState icon={<HistoryIcon />} title="No activity matches" description="Try other filters." />
      ) : (
        // Focusable, so a keyboard user can scroll the wide table sideways on a small screen.
        <div className="overflow-x-auto rounded-xl border" tabIndex={0} role="region" aria-label="Activity log entries">
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
      <KeysetPagination pathname="/admin/activity" query={current} nextCursor={page.nextCursor} prevCursor={page.prevCursor} label="Activity pages" />
    </>
  );
}
