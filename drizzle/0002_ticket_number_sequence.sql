-- Human-readable ticket numbers (T-000123) from a sequence: unique under concurrent creation,
-- never reused. Six digits at least; longer once the sequence passes 999999 (no truncation).
CREATE SEQUENCE IF NOT EXISTS "ticket_number_seq" AS bigint START WITH 1 INCREMENT BY 1;--> statement-breakpoint
CREATE OR REPLACE FUNCTION next_ticket_number() RETURNS text
  LANGUAGE sql VOLATILE
  AS $$ SELECT 'T-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END
        FROM (SELECT nextval('ticket_number_seq') AS n) AS s $$;--> statement-breakpoint
ALTER TABLE "support_tickets" ALTER COLUMN "ticket_number" SET DEFAULT next_ticket_number();
