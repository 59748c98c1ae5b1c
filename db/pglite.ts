import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

// Every PGlite instance of the portal (the app's embedded database, the test template and the
// CLI tests' copies) opens through here, with the same extensions: a database whose migrations
// created an extension (0011: pg_trgm, for the trigram indexes of searches) cannot even insert a
// row into an indexed table without it (docs/decisions/013-queue-counts-and-client-search.md).
export const PGLITE_EXTENSIONS = { pg_trgm };

export function openPglite(dir: string): PGlite {
  return new PGlite(dir, { extensions: PGLITE_EXTENSIONS });
}
