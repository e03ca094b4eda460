import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type DrillLink, drill } from "./drill-link.ts";
import { executeReport } from "./execute-report.ts";
import type { Period } from "./resolve-period.ts";

export type Audience = {
  newUsers: { value: number; link: DrillLink };
  activeUsers: { value: number; link: DrillLink };
  /** Trials started in the period, and how many of those users paid afterwards (by the period's end). */
  trialConversion: { trials: number; converted: number; percent: number; link: DrillLink };
  assistant: {
    messages: number;
    failed: number;
    /** Credits charged for delivered answers, and the tokens the model used for them. */
    credits: number;
    tokens: number;
    link: null;
  };
};

/**
 * Who came and who was active. Users belong to the installation, not to one bot, so with a bot
 * chosen a user counts for it when they wrote to it or ordered through it. Activity is what the
 * data records: a question to the assistant, an order, a first visit or the last one seen.
 *
 * Every query reads indexes only (the period's ranges carry user and bot ids). "Used this bot" is
 * one index probe per user of the period (a LIMIT 1 scalar, which PostgreSQL never turns into a
 * hash of the bot's whole history); active users of all bots are one pass over users with the
 * period's message and order authors hashed beside it, instead of a union of every row to deduplicate.
 */
export async function readAudience(db: Database, period: Period): Promise<Audience> {
  const { startsAt: from, endsAt: to, botId } = period;
  const usedBot = (user: SQL) =>
    botId
      ? sql`and ((select 1 from messages_log m where m.user_id = ${user} and m.bot_id = ${botId} limit 1) is not null
               or (select 1 from orders o where o.user_id = ${user} and o.bot_id = ${botId} limit 1) is not null)`
      : sql``;
  const bot = (alias: string) => (botId ? sql`and ${sql.raw(alias)}.bot_id = ${botId}` : sql``);
  const wrote = sql`select m.user_id from messages_log m where m.created_at >= ${from} and m.created_at < ${to} ${bot("m")}`;
  const ordered = sql`select o.user_id from orders o where o.created_at >= ${from} and o.created_at < ${to} ${bot("o")}`;
  // Independent reads: on a PostgreSQL pool they run at once, each on its own connection.
  const results = await Promise.all([
    executeReport(
      db,
      sql`
      select count(*)::int as n from users u
      where u.first_seen_at >= ${from} and u.first_seen_at < ${to} ${usedBot(sql`u.id`)}`,
    ),
    executeReport(
      db,
      botId
        ? sql`select count(*)::int as n from (${wrote} union ${ordered}) as active`
        : sql`
      select count(*)::int as n from users u
      where (u.last_seen_at >= ${from} and u.last_seen_at < ${to})
         or (u.first_seen_at >= ${from} and u.first_seen_at < ${to})
         or u.id in (${wrote}) or u.id in (${ordered})`,
    ),
    executeReport(
      db,
      sql`
      select count(*)::int as trials,
             count(*) filter (where exists (
               select 1 from orders o where o.user_id = t.user_id and o.status = 'paid'
                 and o.paid_at >= t.started_at and o.paid_at < ${to} ${bot("o")}))::int as converted
      from assistant_trials t
      where t.started_at >= ${from} and t.started_at < ${to} ${usedBot(sql`t.user_id`)}`,
    ),
    executeReport(
      db,
      sql`
      select count(*) filter (where m.status = 'delivered')::int as messages,
             count(*) filter (where m.status = 'failed')::int as failed,
             coalesce(sum(m.cost_credits) filter (where m.status = 'delivered'), 0)::bigint as credits,
             coalesce(sum(coalesce(m.prompt_tokens, 0) + coalesce(m.completion_tokens, 0))
               filter (where m.status = 'delivered'), 0)::bigint as tokens
      from messages_log m
      where m.created_at >= ${from} and m.created_at < ${to} ${bot("m")}`,
    ),
  ]);
  const [newUsers] = rowsOf<{ n: unknown }>(results[0]);
  const [active] = rowsOf<{ n: unknown }>(results[1]);
  const [trials] = rowsOf<{ trials: unknown; converted: unknown }>(results[2]);
  const [assistant] = rowsOf<{ messages: unknown; failed: unknown; credits: unknown; tokens: unknown }>(
    results[3],
  );
  const trialCount = num(trials?.trials);
  const converted = num(trials?.converted);
  return {
    newUsers: { value: num(newUsers?.n), link: drill("users", {}, period) },
    activeUsers: {
      value: num(active?.n),
      link: drill("users", { active_from: from.toISOString(), active_to: to.toISOString(), bot_id: botId }),
    },
    trialConversion: {
      trials: trialCount,
      converted,
      percent: trialCount ? Math.round((converted / trialCount) * 1000) / 10 : 0,
      link: drill("users", {
        trial_from: from.toISOString(),
        trial_to: to.toISOString(),
        paying: "true",
        bot_id: botId,
      }),
    },
    assistant: {
      messages: num(assistant?.messages),
      failed: num(assistant?.failed),
      credits: num(assistant?.credits),
      tokens: num(assistant?.tokens),
      link: null,
    },
  };
}
