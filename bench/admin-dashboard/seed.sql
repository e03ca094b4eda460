-- Seeds a database for the admin dashboard benchmark: 100,000 users and 200,000 orders over a
-- year, with the rows the dashboard reads beside them. Deterministic (setseed), pure SQL with
-- generate_series, so PostgreSQL and PGlite get the same data. Ids are md5-derived uuids so rows
-- can point at each other without lookups.
select setseed(0.42);

insert into bots (id, telegram_id, username, name, token_encrypted, webhook_secret)
select ('00000000-0000-4000-8000-' || lpad(b::text, 12, '0'))::uuid, 500000 + b, 'bench_bot_' || b, 'Bench bot ' || b, 'x', 's'
from generate_series(1, 2) as b;

insert into products (id, kind, title, details, sort_order)
select md5('product' || p)::uuid,
       case when p <= 6 then 'credits' else 'plan' end,
       'Product ' || p,
       case when p <= 6 then jsonb_build_object('kind', 'credits', 'credits', p * 100)
            else jsonb_build_object('kind', 'plan', 'planCode', 'plan' || p, 'periodDays', 30,
                                    'messagesPerPeriod', null, 'fairUseCap', 1000, 'channelIds', '[]'::jsonb) end,
       p * 10
from generate_series(1, 10) as p;

insert into users (id, telegram_id, first_name, username, first_seen_at, last_seen_at, created_at, updated_at)
select md5('user' || u)::uuid, 1000000 + u, 'User ' || u, 'user' || u, seen, seen + (now() - seen) * random(), seen, seen
from (select u, now() - random() * interval '365 days' as seen from generate_series(1, 100000) as u) as s;

insert into orders (id, user_id, product_id, bot_id, kind, title, details, currency, amount, provider, status,
                    flagged, promo_id, expires_at, paid_at, refunded_at, created_at, updated_at)
select md5('order' || o)::uuid,
       md5('user' || (1 + (o::bigint * 7919) % 100000))::uuid,
       md5('product' || p)::uuid,
       ('00000000-0000-4000-8000-' || lpad((1 + o % 2)::text, 12, '0'))::uuid,
       case when p <= 6 then 'credits' else 'plan' end,
       'Product ' || p,
       case when p <= 6 then jsonb_build_object('kind', 'credits', 'credits', p * 100)
            else jsonb_build_object('kind', 'plan', 'planCode', 'plan' || p, 'periodDays', 30,
                                    'messagesPerPeriod', null, 'fairUseCap', 1000, 'channelIds', '[]'::jsonb) end,
       cur, case when cur = 'XTR' then 50 * p else 9900 * p end,
       case when cur = 'XTR' then 'stars' else 'yookassa' end,
       st, o % 5000 = 0, case when o % 10 = 0 then md5('promo' || (1 + (o / 10) % 100))::uuid end,
       made + interval '1 day',
       case when st in ('paid', 'refunded') then made + interval '1 minute' end,
       case when st = 'refunded' then made + interval '2 days' end,
       made, made
from (
  select o, 1 + (o % 10) as p, case when o % 2 = 0 then 'XTR' else 'RUB' end as cur,
         case when r < 0.85 then 'paid' when r < 0.90 then 'refunded' when r < 0.95 then 'expired' else 'pending' end as st,
         now() - random() * interval '365 days' as made
  from (select o, random() as r from generate_series(1, 200000) as o) as x
) as s;

insert into messages_log (user_id, bot_id, channel, question, answer, model, prompt_tokens, completion_tokens,
                          cost_credits, charged_from, status, created_at)
select md5('user' || (1 + (m::bigint * 104729) % 100000))::uuid, ('00000000-0000-4000-8000-' || lpad((1 + m % 2)::text, 12, '0'))::uuid, 'bot', 'q', 'a', 'mini',
       50, 150, 1, 'credits', case when m % 50 = 0 then 'failed' else 'delivered' end,
       now() - random() * interval '365 days'
from generate_series(1, 200000) as m;

insert into assistant_trials (user_id, messages_granted, messages_left, started_at)
select id, 5, 0, first_seen_at from users where telegram_id % 2 = 0;

insert into subscriptions (user_id, plan_code, title, status, starts_at, ends_at, period_days, fair_use_cap, bot_id)
select md5('user' || (1 + (s::bigint * 31) % 100000))::uuid, 'plan' || (7 + s % 4), 'Plan', 
       case when ends < now() then 'expired' else 'active' end, ends - interval '30 days', ends, 30, 1000,
       ('00000000-0000-4000-8000-' || lpad((1 + s % 2)::text, 12, '0'))::uuid
from (select s, now() - random() * interval '330 days' + interval '30 days' as ends
      from generate_series(1, 20000) as s) as x;

insert into promos (id, code, kind, value, max_uses, uses)
select md5('promo' || p)::uuid, 'BENCH' || p, 'percent_off', 10, 100000, 0 from generate_series(1, 100) as p;

insert into channels (bot_id, chat_id, title, type, bot_status, can_invite_users, can_restrict_members, status_changed_at)
select ('00000000-0000-4000-8000-' || lpad((1 + c % 2)::text, 12, '0'))::uuid, -1000000 - c, 'Chat ' || c, 'channel', 'administrator', true, c % 3 <> 0, now()
from generate_series(1, 20) as c;

-- run.ts then runs VACUUM ANALYZE on its own (it cannot run inside this multi-statement batch).
