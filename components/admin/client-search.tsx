import Link from '@/components/link';
import { InputFilter } from '@/components/admin/filter-bar';
import { CLIENT_SEARCH_CONTAINS_MIN, CLIENT_SEARCH_MAX, isPrefixClientSearch } from '@/lib/validation/client-search';

// The "Client" filter of the staff lists (/admin/tickets, /admin/projects): a search field
// (`?client=`: name, email or company), not a menu of every client, which grew with the agency
// (docs/decisions/013-queue-counts-and-client-search.md). One component, so both pages look and
// behave the same.

/**
 * The field, inside a FilterBar. A client's own link (`?clientId=…`) rides along as a hidden
 * input, so applying other filters keeps that client; the page header names them.
 */
export function ClientSearchField({ id, value, clientId }: { id: string; value: string | undefined; clientId: string | undefined }) {
  return (
    <>
      {clientId ? <input type="hidden" name="clientId" value={clientId} /> : null}
      <InputFilter
        id={id}
        name="client"
        label="Client"
        type="search"
        value={value}
        placeholder="Name, email or company"
        maxLength={CLIENT_SEARCH_MAX}
        describedBy={value && isPrefixClientSearch(value) ? `${id}-note` : undefined}
        className="lg:max-w-60"
      />
    </>
  );
}

/**
 * Below the FilterBar: says that a 1- or 2-character search matched the start of the name, email
 * or company (there is no trigram to look "anywhere" up with; see clientIdsMatching). Nothing for
 * a longer term or none. `noun`: whom the field searches (the activity log's Actor field too).
 */
export function ClientSearchNote({ id, value, noun = 'Clients' }: { id: string; value: string | undefined; noun?: string }) {
  if (!value || !isPrefixClientSearch(value)) return null;
  return (
    <p id={`${id}-note`} className="-mt-2 mb-4 text-sm text-muted-foreground">
      {noun} whose name, email or company starts with “{value}”. Type {CLIENT_SEARCH_CONTAINS_MIN} or more characters to
      match anywhere in them.
    </p>
  );
}

/**
 * The page header's description while a client's own link (`?clientId=…`) narrows the list:
 * whose items these are, and the way back to every client's (`clearHref`, the same filters
 * without the client).
 */
export function ClientScopeDescription({ noun, client, count, clearHref }: { noun: string; client: string; count?: string; clearHref: string }) {
  return (
    <>
      {noun[0].toUpperCase() + noun.slice(1)} of {client}
      {count ? ` (${count})` : ''}.{' '}
      <Link href={clearHref} className="underline underline-offset-4 hover:text-foreground">
        Show every client’s {noun}
      </Link>
    </>
  );
}
