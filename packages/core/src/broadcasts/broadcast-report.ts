import { type BroadcastStatus, broadcastClicks, broadcastDeliveries, orders } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { getBroadcast } from "./manage-broadcasts.ts";

/** Orders placed this long after a recipient received the broadcast are attributed to it. */
export const ATTRIBUTION_HOURS = 72;

export type BroadcastReport = {
  broadcastId: string;
  status: BroadcastStatus;
  targeted: number;
  pending: number;
  sent: number;
  failed: number;
  blocked: number;
  interrupted: number;
  failedByReason: Array<{ reason: string; count: number }>;
  byLanguage: Array<{ language: string; sent: number }>;
  clicks: number;
  clickers: number;
  clicksByButton: Array<{ button: number; clicks: number }>;
  revenue: Array<{ currency: string; amount: number; orders: number }>;
};

/**
 * The broadcast's figures in SQL: recipients by outcome, failures by Telegram's reason, clicks,
 * and the paid orders its recipients placed within 72 h of receiving it (read from orders).
 */
export async function getBroadcastReport(ctx: CoreContext, broadcastId: string): Promise<BroadcastReport> {
  const b = await getBroadcast(ctx.db, broadcastId);
  const d = broadcastDeliveries;
  const statuses = rowsOf<{ status: string; n: unknown }>(
    await ctx.db.execute(
      sql`select ${d.status} as status, count(*) as n from ${d} where ${d.broadcastId} = ${b.id} group by 1`,
    ),
  );
  const count = (s: string) => num(statuses.find((r) => r.status === s)?.n);
  const reasons = rowsOf<{ reason: string; n: unknown }>(
    await ctx.db.execute(sql`select coalesce(${d.error}, '') as reason, count(*) as n from ${d}
      where ${d.broadcastId} = ${b.id} and ${d.status} in ('failed', 'blocked', 'interrupted') group by 1 order by 2 desc limit 20`),
  );
  const languages = rowsOf<{ language: string; n: unknown }>(
    await ctx.db.execute(sql`select coalesce(${d.language}, '') as language, count(*) as n from ${d}
      where ${d.broadcastId} = ${b.id} and ${d.status} = 'sent' group by 1 order by 1`),
  );
  const clicks = rowsOf<{ button: number; n: unknown; users: unknown }>(
    await ctx.db.execute(sql`select ${broadcastClicks.button} as button, count(*) as n, count(distinct ${broadcastClicks.userId}) as users
      from ${broadcastClicks} where ${broadcastClicks.broadcastId} = ${b.id} group by 1 order by 1`),
  );
  const [clickers] = rowsOf<{ n: unknown }>(
    await ctx.db.execute(sql`select count(distinct ${broadcastClicks.userId}) as n from ${broadcastClicks}
      where ${broadcastClicks.broadcastId} = ${b.id}`),
  );
  const revenue = rowsOf<{ currency: string; amount: unknown; n: unknown }>(
    await ctx.db.execute(sql`select o.currency, sum(o.amount) as amount, count(*) as n from ${orders} o
      where o.status = 'paid' and exists (select 1 from ${d} where ${d.broadcastId} = ${b.id} and ${d.userId} = o.user_id
        and ${d.status} = 'sent' and o.created_at >= ${d.sentAt}
        and o.created_at < ${d.sentAt} + make_interval(hours => ${ATTRIBUTION_HOURS}))
      group by 1 order by 1`),
  );
  return {
    broadcastId: b.id,
    status: b.status,
    targeted: b.targeted ?? 0,
    pending: count("pending") + count("sending"),
    sent: count("sent"),
    failed: count("failed"),
    blocked: count("blocked"),
    interrupted: count("interrupted"),
    failedByReason: reasons.map((r) => ({ reason: r.reason, count: num(r.n) })),
    byLanguage: languages.map((r) => ({ language: r.language, sent: num(r.n) })),
    clicks: clicks.reduce((sum, r) => sum + num(r.n), 0),
    clickers: num(clickers?.n),
    clicksByButton: clicks.map((r) => ({ button: Number(r.button), clicks: num(r.n) })),
    revenue: revenue.map((r) => ({ currency: r.currency, amount: num(r.amount), orders: num(r.n) })),
  };
}
