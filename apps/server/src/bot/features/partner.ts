import { getOrCreateReferralCode, getPartnerStats } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

/** /partner: the user's referral link and what it brought. */
export const partnerFeature = new Composer<BotContext>();

partnerFeature.chatType("private").command("partner", async (ctx) => {
  if (!ctx.user) return;
  const { core, referrals } = ctx.services;
  const code = await getOrCreateReferralCode(core.db, ctx.user.id);
  const stats = await getPartnerStats(core.db, referrals, {
    partnerUserId: ctx.user.id,
    now: core.clock.now(),
  });
  const lines = [
    ctx.t("partner-text", {
      link: `https://t.me/${ctx.me.username}?start=ref_${code}`,
      clicks: stats.clicks,
      signups: stats.signups,
      payers: stats.payingUsers,
    }),
    ...stats.money.map((m) => ctx.t("partner-money", { ...m })),
    "",
    ctx.t("partner-terms", { percent: referrals.percent, days: referrals.holdDays }),
  ];
  await ctx.reply(lines.join("\n"), { link_preview_options: { is_disabled: true } });
});
