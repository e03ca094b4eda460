-- Diagnostic, not the comparison: every statement Lumen sends for one answered question, in
-- its order (as logged with log_statement = 'all'): the API's rate-limit counter, the API key
-- lookup, the reservation (ONE statement: asker, plan, trial, charge, ledger row, pending row and
-- the conversation, packages/core/src/assistant/reserve-question-sql.ts) and the delivered
-- update. pgbench is a near-free client, so its tps here is what PostgreSQL alone could do for
-- Lumen's statement pattern on this machine: the ceiling for the HTTP path whatever the Node side
-- costs. run.ts runs it with -M prepared: Lumen sends these as named prepared statements.
\set n random(1, :users)
\set hi random(0, 9007199254740991)
\set lo random(0, 9007199254740991)
INSERT INTO rate_limits (key, window_start, hits, expires_at)
SELECT r.key, r.window_start, 1, r.expires_at
  FROM jsonb_to_recordset(jsonb_build_array(
    jsonb_build_object('key', 'api-ip-127.0.0.1', 'window_start', date_trunc('minute', now()), 'expires_at', date_trunc('minute', now()) + interval '1 minute'),
    jsonb_build_object('key', 'api-key-bench', 'window_start', date_trunc('minute', now()), 'expires_at', date_trunc('minute', now()) + interval '1 minute')))
    AS r(key text, window_start timestamptz, expires_at timestamptz)
ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
RETURNING key, hits;
SELECT id, name, role,
       (revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())) AS usable,
       (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
  FROM api_keys WHERE key_hash = (SELECT key_hash FROM api_keys ORDER BY id LIMIT 1);
with asker as (
  select u.is_banned, u.locale, u.language_code,
    coalesce(s.style, 'balanced') as style,
    coalesce(s.conversation_started_at, 'epoch'::timestamptz) as since,
    coalesce(m.id, 'gpt-4o-mini') as model,
    coalesce(m.price, 1) as price
  from users u
  left join assistant_settings s on s.user_id = u.id
  left join lateral (
    select o.id, o.price from jsonb_to_recordset('[{"id": "gpt-4o-mini", "price": 1}]'::jsonb) as o(id text, price int)
    where o.id = s.model limit 1
  ) m on true
  where u.id = (SELECT user_id FROM bench_users WHERE n = :n)
),
pick as (
  select sub.id,
    floor((extract(epoch from now()) - extract(epoch from sub.starts_at)) / (sub.period_days * 86400))::int as period
  from subscriptions sub
  where sub.user_id = (SELECT user_id FROM bench_users WHERE n = :n)
    and exists (select 1 from asker where not asker.is_banned)
    and sub.status in ('active', 'trial')
    and sub.starts_at <= now() and sub.ends_at > now()
    and (case when sub.usage_period = floor((extract(epoch from now()) - extract(epoch from sub.starts_at)) / (sub.period_days * 86400))::int
      then sub.usage_count else 0 end) < coalesce(sub.messages_per_period, sub.fair_use_cap)
  order by sub.ends_at
  limit 1
  for update of sub
),
plan as (
  update subscriptions sub
  set usage_period = pick.period,
    usage_count = (case when sub.usage_period = pick.period then sub.usage_count else 0 end) + 1,
    updated_at = now()
  from pick
  where sub.id = pick.id
  returning sub.id, pick.period
),
trial as (
  update assistant_trials t
  set messages_left = t.messages_left - 1
  where t.user_id = (SELECT user_id FROM bench_users WHERE n = :n)
    and exists (select 1 from asker where not asker.is_banned)
    and not exists (select 1 from plan)
    and t.messages_left >= 1
    and (t.expires_at is null or t.expires_at > now())
  returning t.user_id
),
bal as (
  update credit_balances b
  set balance = b.balance - asker.price, updated_at = now()
  from asker
  where b.user_id = (SELECT user_id FROM bench_users WHERE n = :n)
    and not asker.is_banned
    and not exists (select 1 from plan)
    and not exists (select 1 from trial)
    and b.balance >= asker.price
  returning b.balance, asker.price
),
led as (
  insert into credit_ledger (user_id, delta, reason, idempotency_key, balance_after, note, data, created_at)
  select (SELECT user_id FROM bench_users WHERE n = :n), -bal.price, 'spend', 'spend:' || (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid::text, bal.balance, null, '{}'::jsonb, now()
  from bal
  returning id
),
src as (
  select case
    when exists (select 1 from plan) then 'plan'
    when exists (select 1 from trial) then 'trial'
    when exists (select 1 from bal) then 'credits'
  end as charged_from
),
logged as (
  insert into messages_log (id, user_id, bot_id, channel, question, model, style, cost_credits,
    charged_from, charge_ref, status, created_at)
  select (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid, (SELECT user_id FROM bench_users WHERE n = :n), NULL::uuid, 'api', 'How many credits does a question cost?', asker.model, asker.style,
    case when src.charged_from = 'credits' then asker.price else 0 end,
    src.charged_from, (select plan.id::text || ':' || plan.period::text from plan), 'pending', now()
  from asker, src
  where src.charged_from is not null
  returning id
)
select asker.is_banned as "isBanned", asker.locale, asker.language_code as "languageCode",
  asker.model, asker.style, src.charged_from as "chargedFrom",
  (select coalesce(json_agg(json_build_array(h.question, h.answer)), '[]'::json)::text
    from (
      select l.question, l.answer, l.created_at from messages_log l
      where l.user_id = (SELECT user_id FROM bench_users WHERE n = :n) and l.status = 'delivered' and l.created_at >= asker.since
      order by l.created_at desc
      limit 10
    ) h) as history
from asker, src;
UPDATE messages_log
   SET status = 'delivered', answer = 'Echo: How many credits does a question cost?', prompt_tokens = 40,
       completion_tokens = 12, latency_ms = 1, completed_at = now()
 WHERE id = (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid AND status = 'pending'
RETURNING id;
