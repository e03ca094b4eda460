import { definePreparedSql } from "@lumen/db";

/**
 * The whole reservation of a question as ONE statement (data-modifying CTEs), run as a named
 * prepared statement. Why plain SQL here and nowhere else: a question is Lumen's hottest path
 * (issue 13). Built with Drizzle it took a transaction of 8 round trips (BEGIN, the asker, the
 * live plans, the balance, the ledger row, the pending log row, the history, COMMIT), each an
 * unnamed statement PostgreSQL parsed and planned again, and Drizzle's query building was a
 * quarter of the server's CPU. One statement is one implicit transaction: the charge, its
 * ledger row and the pending messages_log row commit together or not at all.
 *
 * The rules are those of the Drizzle version it replaced (git history of reserve-question.ts):
 *  - nothing is taken from a banned user (every charge is conditional on `not is_banned`);
 *  - the plan first: the live subscription ending soonest with quota left this period. The
 *    candidate is picked `for update` under `limit 1`, so a plan another question exhausted
 *    meanwhile is re-checked and skipped for the next one, as the old loop over plans did;
 *  - then the trial, then credits; each is a conditional UPDATE, so concurrent questions can
 *    never take more than the user has, and each runs only if the ones before took nothing;
 *  - a credits charge writes its ledger row (key `spend:<message id>`, fresh, so it cannot
 *    replay) with the balance it left: balance = sum of the ledger stays true;
 *  - the pending log row is written only when something paid.
 * All CTEs see one snapshot; the history therefore never contains this question.
 *
 * Parameters: $1 user, $2 now, $3 message id, $4 question, $5 channel, $6 bot or null,
 * $7 the offered models as JSON text [{id, price}], $8 the default model, $9 its price,
 * $10 how many earlier turns to send.
 */
export const reserveQuestionSql = definePreparedSql(
  "lumen_reserve_question_v1",
  `with asker as (
  select u.is_banned, u.locale, u.language_code,
    coalesce(s.style, 'balanced') as style,
    coalesce(s.conversation_started_at, 'epoch'::timestamptz) as since,
    coalesce(m.id, $8::text) as model,
    coalesce(m.price, $9::int) as price
  from users u
  left join assistant_settings s on s.user_id = u.id
  left join lateral (
    select o.id, o.price from jsonb_to_recordset($7::text::jsonb) as o(id text, price int)
    where o.id = s.model limit 1
  ) m on true
  where u.id = $1::uuid
),
pick as (
  select sub.id,
    floor((extract(epoch from $2::timestamptz) - extract(epoch from sub.starts_at)) / (sub.period_days * 86400))::int as period
  from subscriptions sub
  where sub.user_id = $1::uuid
    and exists (select 1 from asker where not asker.is_banned)
    and sub.status in ('active', 'trial')
    and sub.starts_at <= $2::timestamptz and sub.ends_at > $2::timestamptz
    and (case when sub.usage_period = floor((extract(epoch from $2::timestamptz) - extract(epoch from sub.starts_at)) / (sub.period_days * 86400))::int
      then sub.usage_count else 0 end) < coalesce(sub.messages_per_period, sub.fair_use_cap)
  order by sub.ends_at
  limit 1
  for update of sub
),
plan as (
  update subscriptions sub
  set usage_period = pick.period,
    usage_count = (case when sub.usage_period = pick.period then sub.usage_count else 0 end) + 1,
    updated_at = $2::timestamptz
  from pick
  where sub.id = pick.id
  returning sub.id, pick.period
),
trial as (
  update assistant_trials t
  set messages_left = t.messages_left - 1
  where t.user_id = $1::uuid
    and exists (select 1 from asker where not asker.is_banned)
    and not exists (select 1 from plan)
    and t.messages_left >= 1
    and (t.expires_at is null or t.expires_at > $2::timestamptz)
  returning t.user_id
),
bal as (
  update credit_balances b
  set balance = b.balance - asker.price, updated_at = $2::timestamptz
  from asker
  where b.user_id = $1::uuid
    and not asker.is_banned
    and not exists (select 1 from plan)
    and not exists (select 1 from trial)
    and b.balance >= asker.price
  returning b.balance, asker.price
),
led as (
  insert into credit_ledger (user_id, delta, reason, idempotency_key, balance_after, note, data, created_at)
  select $1::uuid, -bal.price, 'spend', 'spend:' || $3::uuid::text, bal.balance, null, '{}'::jsonb, $2::timestamptz
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
  select $3::uuid, $1::uuid, $6::uuid, $5::text, $4::text, asker.model, asker.style,
    case when src.charged_from = 'credits' then asker.price else 0 end,
    src.charged_from, (select plan.id::text || ':' || plan.period::text from plan), 'pending', $2::timestamptz
  from asker, src
  where src.charged_from is not null
  returning id
)
select asker.is_banned as "isBanned", asker.locale, asker.language_code as "languageCode",
  asker.model, asker.style, src.charged_from as "chargedFrom",
  (select coalesce(json_agg(json_build_array(h.question, h.answer)), '[]'::json)::text
    from (
      select l.question, l.answer, l.created_at from messages_log l
      where l.user_id = $1::uuid and l.status = 'delivered' and l.created_at >= asker.since
      order by l.created_at desc
      limit $10::int
    ) h) as history
from asker, src`,
);
