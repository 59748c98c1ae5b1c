-- A ticket page shows one window of its thread, newest first from a keyset edge (listThread):
-- walked backwards, this index reads the window alone, however long the thread.
CREATE INDEX "idx_ticket_comments_ticket_created" ON "ticket_comments" USING btree ("ticket_id","created_at","id");