-- The staff queue's priority order per status (0015's function; db/queries/tickets.ts): the Active
-- and All tabs merge one ordered page per status from it instead of sorting every ticket.
CREATE INDEX "idx_support_tickets_status_priority_key" ON "support_tickets" USING btree ("status",(ticket_priority_key("priority", "last_replied_at", "created_at") collate "C"),"id");