import {
  assistantTrials,
  type CampaignSettingsRow,
  campaignSends,
  orders,
  subscriptions,
  users,
} from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { hasEverPaid } from "../orders/has-paid-order.ts";
import type { CoreContext } from "../shared/context.ts";
import { rowsOf } from "../shared/sql-rows.ts";
import { audienceCondition } from "./audience-sql.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Occasions older than this are left alone: a campaign turned on today does not write about last year. */
const LOOKBACK = 7 * DAY;

export type Candidate = {
  userId: string;
  telegramId: number;
  firstName: string;
  language: string | null;
  occasion: string;
};

/**
 * Who a campaign should write to now, each with the occasion that makes it unique (a trial, an
 * order, the end of a plan, the first visit), leaving out occasions already claimed and users who
 * cannot be reached. Read-only over the users, assistant, orders and subscriptions tables.
 */
export async function findCampaignCandidates(
  ctx: CoreContext,
  setting: CampaignSettingsRow,
  limit = 200,
): Promise<Candidate[]> {
  const now = ctx.clock.now();
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const reachable = audienceCondition(setting.botId, "everyone", {}, now);
  const neverPaid = sql`not ${hasEverPaid(sql`${users.id}`)}`;
  const fresh = (occasion: SQL) =>
    sql`not exists (select 1 from ${campaignSends} c where c.kind = ${setting.kind} and c.occasion = ${occasion})`;
  let query: SQL;
  switch (setting.kind) {
    case "trial_ending": {
      const occasion = sql`'trial:' || ${users.id}`;
      query = sql`select ${users.id} as user_id, ${users.telegramId} as telegram_id, ${users.firstName} as first_name,
          coalesce(${users.locale}, ${users.languageCode}) as language, ${occasion} as occasion
        from ${users} join ${assistantTrials} on ${assistantTrials.userId} = ${users.id}
        where ${reachable} and ${neverPaid} and ${assistantTrials.messagesLeft} > 0
          and ${assistantTrials.expiresAt} > ${iso(0)} and ${assistantTrials.expiresAt} <= ${iso(setting.delay * HOUR)}
          and ${fresh(occasion)}`;
      break;
    }
    case "checkout_abandoned": {
      const occasion = sql`'order:' || o.id`;
      query = sql`select ${users.id} as user_id, ${users.telegramId} as telegram_id, ${users.firstName} as first_name,
          coalesce(${users.locale}, ${users.languageCode}) as language, ${occasion} as occasion
        from ${orders} o join ${users} on ${users.id} = o.user_id
        where ${reachable} and o.bot_id = ${setting.botId} and o.status in ('pending', 'expired')
          and o.created_at <= ${iso(-setting.delay * HOUR)} and o.created_at > ${iso(-setting.delay * HOUR - LOOKBACK)}
          and not exists (select 1 from ${orders} p where p.user_id = o.user_id and p.status = 'paid' and p.created_at >= o.created_at)
          and ${fresh(occasion)}`;
      break;
    }
    case "winback": {
      const occasion = sql`'plan:' || s.id || ':' || to_char(s.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')`;
      query = sql`select ${users.id} as user_id, ${users.telegramId} as telegram_id, ${users.firstName} as first_name,
          coalesce(${users.locale}, ${users.languageCode}) as language, ${occasion} as occasion
        from ${subscriptions} s join ${users} on ${users.id} = s.user_id
        where ${reachable} and s.ends_at <= ${iso(-setting.delay * DAY)} and s.ends_at > ${iso(-setting.delay * DAY - LOOKBACK)}
          and not exists (select 1 from ${subscriptions} l where l.user_id = s.user_id and l.ends_at > ${iso(0)}
            and l.status in ('trial', 'active', 'past_due'))
          and ${fresh(occasion)}`;
      break;
    }
    case "newcomer": {
      const occasion = sql`'newcomer:' || ${users.id}`;
      query = sql`select ${users.id} as user_id, ${users.telegramId} as telegram_id, ${users.firstName} as first_name,
          coalesce(${users.locale}, ${users.languageCode}) as language, ${occasion} as occasion
        from ${users}
        where ${reachable} and ${neverPaid} and ${users.firstSeenAt} <= ${iso(-setting.delay * HOUR)}
          and ${users.firstSeenAt} > ${iso(-setting.delay * HOUR - LOOKBACK)} and ${fresh(occasion)}`;
      break;
    }
  }
  const rows = rowsOf<{
    user_id: string;
    telegram_id: unknown;
    first_name: string;
    language: string | null;
    occasion: string;
  }>(await ctx.db.execute(sql`${query} limit ${limit}`));
  return rows.map((r) => ({
    userId: r.user_id,
    telegramId: Number(r.telegram_id),
    firstName: r.first_name,
    language: r.language,
    occasion: r.occasion,
  }));
}
