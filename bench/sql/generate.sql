-- Benchmark data, generated in SQL (scripts/bench/data.ts runs this file step by step).
--
-- The script replaces each double-braced name with a number computed for the scale, and the
-- password hash placeholder with an argon2id hash made once by lib/auth/passwords (shared by
-- every bench account).
-- Steps are separated by "-- step: <name>" lines; each runs in its own round trip so the script
-- can print progress. The indexes and constraints of the big tables are dropped before the load
-- and rebuilt afterwards by the script (not here), then everything is ANALYZEd.
--
-- Shape (bench/README.md):
--   users     1 SUPER_ADMIN, {{admins}} ADMINs, {{clients}} CLIENTs; client 1 is the heavy client
--   projects  {{projects}}; project j belongs to client ((j-1) % clients) + 1 (about 10 each)
--   tickets   {{regular_tickets}} spread over the clients 2..n, plus {{heavy_tickets}} for client 1
--   comments  {{regular_comments}} spread at random over every ticket but the heavy one (Poisson),
--             plus {{heavy_comments}} on the heavy ticket (the heavy client's newest ticket)
--   activity {{sign_ins}} sign-ins plus the creation of every ticket and project and the status
--             change of every resolved or closed ticket
-- History spans {{history_days}} days. Ticket statuses follow age and the last comment's sender
-- (OPEN: the client spoke last; PENDING: the agency did); last_replied_at = newest comment.

-- step: word lists
-- bench_hash(i, seed): a deterministic pseudo-random non-negative int (dropped at the end).
create or replace function bench_hash(i bigint, seed int) returns int
  language sql immutable parallel safe
  as $$ select (hashint8(i * 1000003 + seed)::bigint & 2147483647)::int $$;
create temp table bench_words (kind text, n int, word text, primary key (kind, n));
insert into bench_words
select 'first', ord, w from unnest(array[
  'Alice','Ben','Chloe','Daniel','Emma','Farid','Grace','Hugo','Isla','Jack','Keira','Liam','Maya',
  'Noah','Olivia','Priya','Quentin','Rosa','Samir','Tara','Umar','Vera','Wen','Yusuf','Zoe','Amir',
  'Bianca','Conor','Dana','Elif','Felix','Gemma','Hana','Ivan','Jade','Kofi','Lena','Marco','Nadia',
  'Oscar','Paula','Rhys','Sofia','Tomas','Ursula','Victor','Willa','Xavier','Yara','Zane'
]) with ordinality as t(w, ord);
insert into bench_words
select 'last', ord, w from unnest(array[
  'Adams','Baker','Carter','Dalton','Evans','Fischer','Garcia','Hughes','Ibrahim','Jensen','Khan',
  'Lopez','Murphy','Nakamura','Okafor','Patel','Quinn','Rossi','Schmidt','Turner','Ueda','Varga',
  'Whitfield','Xu','Young','Zhang','Novak','Moreau','Silva','Kowalski','Larsen','Dubois','Haddad',
  'Ivanova','Jovanovic','Keller','Lindqvist','Meyer','Nilsson','Olsen'
]) with ordinality as t(w, ord);
insert into bench_words
select 'adj', ord, w from unnest(array[
  'Blue','Bright','Northern','Silver','Green','Golden','Rapid','Quiet','Clever','Urban','Coastal',
  'Summit','Crimson','Harbor','Maple','Granite','Lunar','Solar','Nimble','Atlas'
]) with ordinality as t(w, ord);
insert into bench_words
select 'noun', ord, w from unnest(array[
  'Bakery','Studio','Logistics','Dental','Farms','Labs','Outfitters','Analytics','Builders','Travel',
  'Coffee','Fitness','Books','Legal','Clinic','Motors','Gardens','Media','Foods','Energy'
]) with ordinality as t(w, ord);
insert into bench_words
select 'subject', ord, w from unnest(array[
  'Checkout page shows an error','Contact form emails never arrive','Homepage loads slowly on mobile',
  'Please update the opening hours','Broken link in the footer','Add a new team member page',
  'Invoice PDF is blank','Search returns no results','Login button does nothing on Safari',
  'Change the hero image','SSL certificate warning','Newsletter signup fails',
  'Product images are blurry','Typo on the About page','Analytics stopped recording',
  'Add a cookie banner','Order confirmation email wording','Menu overlaps the logo on tablets',
  'Export of customer list','Accessibility review request'
]) with ordinality as t(w, ord);
insert into bench_words
select 'sentence', ord, w from unnest(array[
  'Thanks for the quick reply.','We checked it again this morning and the problem is still there.',
  'Could you have a look before Friday?','I have attached a screenshot of what we see.',
  'It works on desktop but not on my phone.','We deployed a fix to staging, can you confirm?',
  'The change is live now.','Our customers noticed it yesterday afternoon.',
  'Let us know if anything else looks wrong.','This is quite urgent for our launch next week.',
  'We cleared the cache and it looks fine on our side.','Can we schedule a short call about this?',
  'The logs show a timeout from the payment provider.','I think it started after the last update.',
  'Great, that solved it, thank you!','We will keep an eye on it over the weekend.'
]) with ordinality as t(w, ord);

-- step: users
insert into users (id, email, name, company, password_hash, created_at, updated_at, last_logged_in,
                   role, email_verified, active)
select md5('bench-super')::uuid::text, 'super@bench.test', 'Sam Super', 'The Agency', {{password_hash}},
       now() - interval '{{history_days}} days', now() - interval '1 day', now() - interval '1 hour',
       'SUPER_ADMIN'::role, true, true
union all
select md5('bench-admin-' || a)::uuid::text, 'admin' || a || '@bench.test',
       (select word from bench_words where kind = 'first' and n = 1 + (a * 7) % 50) || ' ' ||
       (select word from bench_words where kind = 'last' and n = 1 + (a * 3) % 40),
       'The Agency', {{password_hash}},
       now() - interval '{{history_days}} days' + a * interval '10 days', now() - interval '1 day',
       now() - a * interval '2 hours', 'ADMIN'::role, true, true
from generate_series(1, {{admins}}) a;

insert into users (id, email, name, company, password_hash, created_at, updated_at, last_logged_in,
                   role, email_verified, active)
select md5('bench-client-' || i)::uuid::text,
       case when i = 1 then 'heavy@bench.test' else 'client' || lpad(i::text, 5, '0') || '@bench.test' end,
       f.word || ' ' || l.word,
       a.word || ' ' || nn.word || case when i % 3 = 0 then ' Ltd' when i % 3 = 1 then '' else ' & Co' end,
       case when i > 1 and i % 50 = 7 then null else {{password_hash}} end,      -- 2% invitations never accepted
       c.created_at, c.created_at + interval '1 day',
       case when i % 10 = 3 then null else now() - (bench_hash(i, 1) % 60) * interval '1 day' end,
       'CLIENT',
       not (i > 1 and i % 33 = 5),                                               -- 3% unverified
       not (i > 1 and i % 50 = 11)                                               -- 2% deactivated
from generate_series(1, {{clients}}) i
cross join lateral (select now() - (bench_hash(i, 2) % {{history_days}}) * interval '1 day' as created_at) c
join bench_words f on f.kind = 'first' and f.n = 1 + i % 50
join bench_words l on l.kind = 'last' and l.n = 1 + (i / 50) % 40
join bench_words a on a.kind = 'adj' and a.n = 1 + (i * 7) % 20
join bench_words nn on nn.kind = 'noun' and nn.n = 1 + (i / 20) % 20;

-- step: projects
insert into projects (id, title, description, status, client_id, created_at, updated_at, start_date,
                      end_date, type, budget, requirements)
select md5('bench-project-' || j)::uuid::text,
       (array['Website redesign','Online shop','Booking app','Brand refresh','Spring campaign',
              'Customer portal','Mobile app','Landing pages','SEO overhaul','Intranet'])[1 + j % 10]
         || ' ' || (2020 + j % 7),
       'Scope, goals and the first milestones agreed with the client.',
       s.status::project_status,
       md5('bench-client-' || (1 + (j - 1) % {{clients}}))::uuid::text,
       p.created_at,
       p.created_at + (bench_hash(j, 4) % 90) * interval '1 day' * (case when s.status in ('PENDING') then 0 else 1 end),
       case when s.status in ('PENDING', 'CANCELLED') then null else p.created_at + interval '14 days' end,
       case when s.status = 'COMPLETED' then p.created_at + interval '120 days' else null end,
       (enum_range(null::project_type))[1 + j % 7],
       (1000 + bench_hash(j, 5) % 49000)::real,
       null
from generate_series(1, {{projects}}) j
cross join lateral (select now() - (bench_hash(j, 3) % {{history_days}}) * interval '1 day' as created_at) p
cross join lateral (
  select case
    when p.created_at > now() - interval '60 days' then
      (array['PENDING','APPROVED','IN_PROGRESS','IN_PROGRESS','REVIEW','CANCELLED'])[1 + bench_hash(j, 6) % 6]
    else
      (array['COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','CANCELLED','IN_PROGRESS','REVIEW'])[1 + bench_hash(j, 6) % 8]
  end as status
) s;

-- step: tickets
-- Ticket n (1-based) → client: the heavy client's tickets are n = 1..heavy_tickets; the others
-- go to clients 2..clients. A ticket is about one of its client's projects 60% of the time.
create temp table bench_ticket_plan as
select n,
       case when n <= {{heavy_tickets}} then 1 else 2 + bench_hash(n, 7) % ({{clients}} - 1) end as client,
       now() - (bench_hash(n, 8) % ({{history_days}} * 1440)) * interval '1 minute' as created_at
from generate_series(1, {{heavy_tickets}} + {{regular_tickets}}) n;
-- The heavy ticket is the heavy client's newest, so it is on the first page of their list.
update bench_ticket_plan set created_at = now() - interval '20 days' where n = 1;

insert into support_tickets (id, ticket_number, subject, description, status, client_id, project_id,
                             created_at, updated_at, last_replied_at)
select md5('bench-ticket-' || t.n)::uuid::text,
       'T-' || lpad(t.n::text, 6, '0'),
       w.word,
       'What happens, since when, and what we expected instead. ' || w.word || '.',
       'OPEN',
       md5('bench-client-' || t.client)::uuid::text,
       case when bench_hash(t.n, 9) % 10 < 6
            then md5('bench-project-' || (t.client + {{clients}} * (bench_hash(t.n, 10) % {{projects_per_client}})))::uuid::text
       end,
       t.created_at, t.created_at, null
from bench_ticket_plan t
join bench_words w on w.kind = 'subject' and w.n = 1 + bench_hash(t.n, 11) % 20;
select setval('ticket_number_seq', {{heavy_tickets}} + {{regular_tickets}});

-- step: comments
-- Each comment lands on a random ticket (never the heavy one here), some time within three weeks
-- after the ticket was opened (never in the future); half are the client's, half the agency's.
insert into ticket_comments (id, content, ticket_id, user_id, sender, created_at, updated_at)
select gen_random_uuid()::text,
       s1.word || ' ' || s2.word,
       md5('bench-ticket-' || t.n)::uuid::text,
       case when g.agency then md5('bench-admin-' || (1 + g.m % {{admins}}))::uuid::text
            else md5('bench-client-' || t.client)::uuid::text end,
       case when g.agency then 'ADMIN'::comment_sender else 'CLIENT'::comment_sender end,
       c.at, c.at
from (
  select m, 2 + (bench_hash(m, 12) % ({{heavy_tickets}} + {{regular_tickets}} - 1)) as n, bench_hash(m, 13) % 2 = 0 as agency
  from generate_series(1, {{regular_comments}}) m
) g
join bench_ticket_plan t on t.n = g.n
cross join lateral (
  select least(now() - interval '1 minute',
               t.created_at + (bench_hash(g.m, 14) % (21 * 1440)) * interval '1 minute') as at
) c
join bench_words s1 on s1.kind = 'sentence' and s1.n = 1 + bench_hash(g.m, 15) % 16
join bench_words s2 on s2.kind = 'sentence' and s2.n = 1 + bench_hash(g.m, 16) % 16;

-- The heavy ticket: a long conversation, one comment every 50 minutes, alternating sides.
insert into ticket_comments (id, content, ticket_id, user_id, sender, created_at, updated_at)
select gen_random_uuid()::text,
       s1.word || ' ' || s2.word || ' (message ' || k || ')',
       md5('bench-ticket-1')::uuid::text,
       case when k % 2 = 0 then md5('bench-admin-1')::uuid::text else md5('bench-client-1')::uuid::text end,
       case when k % 2 = 0 then 'ADMIN'::comment_sender else 'CLIENT'::comment_sender end,
       now() - interval '20 days' + k * interval '50 minutes',
       now() - interval '20 days' + k * interval '50 minutes'
from generate_series(1, {{heavy_comments}}) k
join bench_words s1 on s1.kind = 'sentence' and s1.n = 1 + k % 16
join bench_words s2 on s2.kind = 'sentence' and s2.n = 1 + (k * 5) % 16;

-- step: ticket activity
-- last_replied_at = the newest comment; the status follows the age and who spoke last.
create temp table bench_last_comment as
select distinct on (ticket_id) ticket_id, created_at, sender
from ticket_comments
order by ticket_id, created_at desc;

create temp table bench_ticket_activity as
select t.id, l.created_at as last_at,
       (case
         when t.ticket_number = 'T-000001' then (case when l.sender = 'ADMIN' then 'PENDING' else 'OPEN' end)
         when t.created_at < now() - interval '60 days' then
           (case when bench_hash(hashtext(t.id), 17) % 100 = 0 then 'OPEN'
                 when bench_hash(hashtext(t.id), 17) % 3 = 0 then 'RESOLVED' else 'CLOSED' end)
         when bench_hash(hashtext(t.id), 18) % 10 < 3 then
           (case when bench_hash(hashtext(t.id), 18) % 10 = 0 then 'CLOSED' else 'RESOLVED' end)
         when l.sender = 'ADMIN' then 'PENDING'
         else 'OPEN'
       end)::ticket_status as status
from support_tickets t
left join bench_last_comment l on l.ticket_id = t.id;

update support_tickets t
set last_replied_at = a.last_at,
    status = a.status,
    updated_at = greatest(t.created_at, coalesce(a.last_at, t.created_at))
                 + case when a.status in ('RESOLVED', 'CLOSED') then interval '2 hours' else interval '0' end
from bench_ticket_activity a
where a.id = t.id;

-- step: activity log
-- The audit trail a portal with this history would hold (db/queries/activity-log.ts writes the
-- same shapes): each ticket's and project's creation by its client, the agency's status change of
-- every resolved or closed ticket, and {{sign_ins}} sign-ins (four in five by clients) spread over
-- the history. /admin/activity, the ticket timelines and the service report read it.
insert into activity_log (id, actor_id, action, entity_type, entity_id, details, ip, user_agent, created_at)
select gen_random_uuid()::text, t.client_id, 'ticket.created', 'ticket', t.id,
       jsonb_build_object('ticketNumber', t.ticket_number, 'status', 'OPEN', 'priority', 'MEDIUM'),
       '198.51.100.' || (1 + bench_hash(hashtext(t.id), 19) % 250), 'Mozilla/5.0 (bench)', t.created_at
from support_tickets t
union all
select gen_random_uuid()::text, md5('bench-admin-' || (1 + bench_hash(hashtext(t.id), 20) % {{admins}}))::uuid::text,
       'ticket.status_changed', 'ticket', t.id,
       jsonb_build_object('from', 'OPEN', 'to', t.status::text),
       '203.0.113.' || (1 + bench_hash(hashtext(t.id), 21) % 250), 'Mozilla/5.0 (bench)',
       t.updated_at - interval '2 hours'
from support_tickets t
where t.status in ('RESOLVED', 'CLOSED')
union all
select gen_random_uuid()::text, p.client_id, 'project.created', 'project', p.id,
       jsonb_build_object('to', 'PENDING', 'title', p.title),
       '198.51.100.' || (1 + bench_hash(hashtext(p.id), 22) % 250), 'Mozilla/5.0 (bench)', p.created_at
from projects p
union all
select gen_random_uuid()::text, a.actor, 'auth.sign_in', 'user', a.actor, null,
       '198.51.100.' || (1 + bench_hash(k, 23) % 250), 'Mozilla/5.0 (bench)',
       now() - (bench_hash(k, 24) % ({{history_days}} * 1440)) * interval '1 minute'
from generate_series(1, {{sign_ins}}) k
cross join lateral (
  select case when bench_hash(k, 25) % 5 = 0
              then md5('bench-admin-' || (1 + bench_hash(k, 26) % {{admins}}))::uuid::text
              else md5('bench-client-' || (1 + bench_hash(k, 26) % {{clients}}))::uuid::text end as actor
) a;

-- step: clean up
drop function bench_hash(bigint, int);
