// The pages the bench loads, who views them, and the data-access calls each one makes (the same
// calls as the page and its layout, for the in-process floor and the query plans).

export type Who = 'client' | 'admin';

export type PageDef = {
  name: string;
  who: Who;
  /** Path, with {cursor} filled in at run time for the deep page. */
  path: string;
  /** Text that must be in the HTML of a correct answer. */
  expect: string;
};

export const CLIENT_EMAIL = 'heavy@bench.test';
export const ADMIN_EMAIL = 'admin1@bench.test';
export const HEAVY_TICKET = 'T-000001';
export const CLIENT_SEARCH = 'harbor';

export const PAGES: PageDef[] = [
  { name: 'client /dashboard', who: 'client', path: '/dashboard', expect: 'Waiting for your reply' },
  { name: 'client /tickets', who: 'client', path: '/tickets', expect: 'Your tickets' },
  { name: 'client /tickets deep', who: 'client', path: '/tickets?cursor={cursor}', expect: 'Your tickets' },
  { name: 'client ticket (500 comments)', who: 'client', path: `/tickets/${HEAVY_TICKET}`, expect: 'Conversation' },
  { name: 'admin /admin', who: 'admin', path: '/admin', expect: 'Waiting longest for the agency' },
  { name: 'admin /admin/tickets OPEN', who: 'admin', path: '/admin/tickets?status=OPEN', expect: 'Ticket queue' },
  { name: 'admin /admin/clients search', who: 'admin', path: `/admin/clients?q=${CLIENT_SEARCH}`, expect: 'Clients' },
];

/**
 * Reference rows, loaded like the pages but not judged: what the framework itself costs per
 * response on this machine with no React tree to speak of (/api/health: the proxy and one
 * `select 1`) and with a small one and no query (/login, signed out). They bound what any page
 * can reach at 32 connections.
 */
export const REFERENCE_PAGES: { name: string; path: string; expect: string }[] = [
  { name: 'ref /api/health (signed out)', path: '/api/health', expect: '"ok"' },
  { name: 'ref /login (signed out)', path: '/login', expect: 'Sign in' },
];

/** Lighthouse: the sign-in page, the client's ticket list and the heavy ticket. */
export const LIGHTHOUSE_PAGES: { name: string; path: string; who: Who | null }[] = [
  { name: '/login', path: '/login', who: null },
  { name: 'client /tickets', path: '/tickets', who: 'client' },
  { name: `client /tickets/${HEAVY_TICKET}`, path: `/tickets/${HEAVY_TICKET}`, who: 'client' },
];

/** The keyset cursor of the page after `offset` rows of /tickets (the format of db/queries/tickets.ts encodeCursor). */
export function ticketsCursor(row: { k: string; id: string }): string {
  return Buffer.from(JSON.stringify({ s: 'last_reply', k: row.k, id: row.id, d: 'n' }), 'utf8').toString('base64url');
}

/** SQL for the boundary row: the heavy client's `offset`-th ticket in the default order. */
export const DEEP_CURSOR_SQL = `
  select t.id,
         to_char(coalesce(t.last_replied_at, t.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k
    from support_tickets t join users u on u.id = t.client_id
   where u.email = $1
   order by coalesce(t.last_replied_at, t.created_at) desc, t.id desc
  offset $2 - 1 limit 1`;
