import { sql } from "drizzle-orm";
import { listChannels } from "../access/list-channels.ts";
import type { CoreContext } from "../shared/context.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type DrillLink, drill } from "./drill-link.ts";

export type AttentionFlag =
  | { kind: "payment_mismatch"; count: number; link: DrillLink }
  | {
      kind: "promo_overrun";
      count: number;
      link: DrillLink;
      items: Array<{ promoId: string; code: string; maxUses: number; redemptions: number }>;
    }
  | {
      kind: "missing_channel_rights";
      count: number;
      link: DrillLink;
      items: Array<{ channelId: string; title: string; missingRights: string[] }>;
    };

/**
 * What needs an operator now, whatever the period: orders whose payment did not match (flagged
 * at settlement), promo codes used more often than their limit, and chats where the bot lacks a
 * right paid access needs (the access domain's own rule, through listChannels).
 */
export async function readAttentionFlags(ctx: CoreContext, botId: string | null): Promise<AttentionFlag[]> {
  const bot = botId ? sql`and o.bot_id = ${botId}` : sql``;
  const [mismatches] = rowsOf<{ n: unknown }>(
    await ctx.db.execute(sql`select count(*)::int as n from orders o where o.flagged ${bot}`),
  );
  const overruns = rowsOf<{ id: string; code: string; max_uses: number; redemptions: unknown }>(
    await ctx.db.execute(sql`
      select p.id, p.code, p.max_uses, count(r.id)::int as redemptions
      from promos p join promo_redemptions r on r.promo_id = p.id
      where p.max_uses is not null
      group by p.id, p.code, p.max_uses
      having count(r.id) > p.max_uses
      order by p.code`),
  );
  const channels = (await listChannels(ctx)).filter(
    (c) => c.missingRights.length > 0 && (!botId || c.botId === botId),
  );
  const flags: AttentionFlag[] = [
    {
      kind: "payment_mismatch",
      count: num(mismatches?.n),
      link: drill("orders", { flagged: "true", bot_id: botId }),
    },
    {
      kind: "promo_overrun",
      count: overruns.length,
      link: drill("promos", { overrun: "true" }),
      items: overruns.map((o) => ({
        promoId: o.id,
        code: o.code,
        maxUses: o.max_uses,
        redemptions: num(o.redemptions),
      })),
    },
    {
      kind: "missing_channel_rights",
      count: channels.length,
      link: drill("channels", { missing_rights: "true", bot_id: botId }),
      items: channels.map((c) => ({ channelId: c.id, title: c.title, missingRights: c.missingRights })),
    },
  ];
  return flags;
}
