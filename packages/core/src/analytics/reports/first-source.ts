import { type SQL, sql } from "drizzle-orm";

/**
 * Each user's acquiring source: the deep-link payload of their first recorded /start in the bot
 * (null: a plain /start, or a user who came by the Mini App only). A subquery to join on user_id.
 */
export const firstStarts = (botFilter: SQL) => sql`
  select distinct on (s.user_id) s.user_id, s.source, s.occurred_at as started_at
  from events s
  where s.type = 'bot_started' and s.user_id is not null ${botFilter}
  order by s.user_id, s.occurred_at, s.id`;

/** What kind of link a source is: a partner's referral, a product link, a promo code, a sign-in, other. */
export const sourceKind = (source: SQL) => sql`case
  when ${source} is null then 'direct'
  when ${source} like 'ref\\_%' then 'partner'
  when ${source} like 'p\\_%' then 'product'
  when ${source} like 'promo\\_%' then 'promo'
  when ${source} = 'login' then 'sign_in'
  else 'other' end`;
