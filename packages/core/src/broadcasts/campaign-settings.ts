import { type CampaignKind, campaignKinds, campaignSends, campaignSettings, orders } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { validationFailed } from "../shared/errors.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { parseBroadcastInput } from "./broadcast-input.ts";
import { ATTRIBUTION_HOURS } from "./broadcast-report.ts";

/** What a campaign starts with before an operator words it: off, with a sensible delay. */
export const campaignDefaults: Record<CampaignKind, { delay: number; texts: Record<string, string> }> = {
  trial_ending: {
    delay: 24,
    texts: {
      en: "{first_name}, your free trial ends soon. Choose a plan to keep going.",
      ru: "{first_name}, пробный период скоро закончится. Выберите тариф, чтобы продолжить.",
    },
  },
  checkout_abandoned: {
    delay: 2,
    texts: {
      en: "{first_name}, your order is waiting: finish the payment whenever you are ready.",
      ru: "{first_name}, ваш заказ ждёт: оплатите, когда будете готовы.",
    },
  },
  winback: {
    delay: 7,
    texts: {
      en: "{first_name}, we miss you! Come back with code <b>{promo_code}</b>.",
      ru: "{first_name}, мы скучаем! Возвращайтесь с кодом <b>{promo_code}</b>.",
    },
  },
  newcomer: {
    delay: 24,
    texts: {
      en: "{first_name}, a welcome offer for your first purchase is waiting in the shop.",
      ru: "{first_name}, в магазине вас ждёт приветственное предложение на первую покупку.",
    },
  },
};

export type CampaignView = {
  kind: CampaignKind;
  enabled: boolean;
  texts: Record<string, string>;
  delay: number;
  percentOff: number | null;
  sent: number;
  failed: number;
  blocked: number;
  revenue: Array<{ currency: string; amount: number; orders: number }>;
};

/** A bot's four campaigns with their settings (defaults where never saved) and their results. */
export async function listCampaigns(ctx: CoreContext, botId: string): Promise<CampaignView[]> {
  const saved = await ctx.db.select().from(campaignSettings).where(eq(campaignSettings.botId, botId));
  const counts = rowsOf<{ kind: string; status: string; n: unknown }>(
    await ctx.db.execute(sql`select kind, status, count(*) as n from ${campaignSends}
      where ${campaignSends.botId} = ${botId} group by 1, 2`),
  );
  const revenue = rowsOf<{ kind: string; currency: string; amount: unknown; n: unknown }>(
    await ctx.db.execute(sql`select c.kind, o.currency, sum(o.amount) as amount, count(*) as n
      from ${orders} o join lateral (
        select distinct ${campaignSends.kind} as kind from ${campaignSends}
        where ${campaignSends.botId} = ${botId} and ${campaignSends.userId} = o.user_id and ${campaignSends.status} = 'sent'
          and o.created_at >= ${campaignSends.sentAt}
          and o.created_at < ${campaignSends.sentAt} + make_interval(hours => ${ATTRIBUTION_HOURS})) c on true
      where o.status = 'paid' group by 1, 2 order by 1, 2`),
  );
  return campaignKinds.map((kind) => {
    const row = saved.find((s) => s.kind === kind);
    const count = (status: string) => num(counts.find((c) => c.kind === kind && c.status === status)?.n);
    return {
      kind,
      enabled: row?.enabled ?? false,
      texts: row?.texts ?? campaignDefaults[kind].texts,
      delay: row?.delay ?? campaignDefaults[kind].delay,
      percentOff: row?.percentOff ?? (kind === "winback" ? 20 : null),
      sent: count("sent"),
      failed: count("failed"),
      blocked: count("blocked"),
      revenue: revenue
        .filter((r) => r.kind === kind)
        .map((r) => ({ currency: r.currency, amount: num(r.amount), orders: num(r.n) })),
    };
  });
}

const campaignInput = z.object({
  botId: z.uuid(),
  kind: z.enum(campaignKinds),
  enabled: z.boolean(),
  texts: z.partialRecord(z.enum(["en", "ru"]), z.string().trim().min(1).max(4096)),
  delay: z.number().int().min(1).max(720),
  percentOff: z.number().int().min(1).max(100).nullable().optional(),
});

/** Turns a campaign on or off and words it (operator); each bot's campaigns are its own. */
export async function updateCampaign(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof campaignInput>,
): Promise<CampaignView | undefined> {
  requireRole(actor, "operator");
  const v = parseBroadcastInput(campaignInput, input);
  if (!v.texts.en) throw validationFailed("texts.en", "the English text is the fallback: it is needed");
  const values = {
    botId: v.botId,
    kind: v.kind,
    enabled: v.enabled,
    texts: v.texts as Record<string, string>,
    delay: v.delay,
    percentOff: v.kind === "winback" ? (v.percentOff ?? 20) : null,
    updatedAt: ctx.clock.now(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(campaignSettings)
      .values(values)
      .onConflictDoUpdate({ target: [campaignSettings.botId, campaignSettings.kind], set: values });
    await recordAudit(tx, actor, {
      action: "campaign.update",
      entityType: "campaign",
      entityId: `${v.botId}:${v.kind}`,
      data: { enabled: v.enabled, delay: v.delay },
    });
  });
  return (await listCampaigns(ctx, v.botId)).find((c) => c.kind === v.kind);
}

export async function enabledCampaigns(ctx: CoreContext) {
  return ctx.db
    .select()
    .from(campaignSettings)
    .where(and(eq(campaignSettings.enabled, true)));
}
