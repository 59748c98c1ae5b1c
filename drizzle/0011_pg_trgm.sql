-- Trigram matching for the staff searches (docs/decisions/013-queue-counts-and-client-search.md):
-- a GIN index with gin_trgm_ops serves ILIKE '%term%'. pg_trgm ships with PostgreSQL's contrib
-- (Debian's postgresql package), is a trusted extension (a database owner may create it without
-- superuser rights), is on Neon's list of supported extensions, and PGlite loads it from
-- @electric-sql/pglite/contrib/pg_trgm (db/pglite.ts opens every PGlite instance with it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
