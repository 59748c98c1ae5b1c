-- The staff project list's four sorts (db/queries/projects.ts projectSort), each key followed by
-- the id as the keyset orders them: a page reads 26 entries of one index instead of sorting every
-- project (decision 008, thirteenth round). The expressions match the sorts' own.
CREATE INDEX "idx_projects_updated_at" ON "projects" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "idx_projects_created_at" ON "projects" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "idx_projects_title_lower" ON "projects" USING btree (lower("title"),"id");--> statement-breakpoint
CREATE INDEX "idx_projects_start" ON "projects" USING btree (coalesce("start_date", '9999-12-31T00:00:00Z'::timestamptz),"id");