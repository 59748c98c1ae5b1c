-- A staff client search of 1 or 2 characters matches the start of name, email or company
-- (db/queries/search.ts clientIdsMatching, docs/decisions/013-queue-counts-and-client-search.md):
-- pg_trgm has no trigram to look up in such a term. Plain btree expression indexes (core
-- PostgreSQL: PGlite, pg and Neon alike); text_pattern_ops lets LIKE 'te%' use them in any collation.
CREATE INDEX "idx_users_name_prefix" ON "users" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "idx_users_email_prefix" ON "users" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "idx_users_company_prefix" ON "users" USING btree (lower("company") text_pattern_ops);