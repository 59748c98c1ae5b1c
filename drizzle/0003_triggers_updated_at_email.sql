-- updated_at follows every UPDATE, from drizzle or raw SQL alike. A statement that sets
-- updated_at itself (imports, tests replaying a history) keeps its value.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON "projects"
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER support_tickets_set_updated_at BEFORE UPDATE ON "support_tickets"
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER ticket_comments_set_updated_at BEFORE UPDATE ON "ticket_comments"
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
-- Emails are stored trimmed and lower-cased whatever path writes them, so UNIQUE(email)
-- also means unique regardless of case.
CREATE OR REPLACE FUNCTION normalize_user_email() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.email := lower(btrim(NEW.email));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER users_normalize_email BEFORE INSERT OR UPDATE OF email ON "users"
  FOR EACH ROW EXECUTE FUNCTION normalize_user_email();
