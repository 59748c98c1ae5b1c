-- The staff queue's "Priority (most urgent first)" order as one text key (db/queries/tickets.ts
-- ticketSort 'priority'): the priority's rank digit, then the ticket's last activity as an ISO time
-- in UTC, so a keyset cursor compares it byte by byte. A function so that an index can hold it
-- (0016): to_char is only STABLE because some of its patterns (TM…) read the locale; this format
-- reads none, and the time zone is fixed, so the result depends on the arguments alone.
CREATE FUNCTION ticket_priority_key(priority ticket_priority, last_replied_at timestamptz, created_at timestamptz)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (CASE priority WHEN 'URGENT' THEN '1' WHEN 'HIGH' THEN '2' WHEN 'MEDIUM' THEN '3' ELSE '4' END)
    || to_char(coalesce(last_replied_at, created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
$$;
