import { listRenewingSubscriptions, stopRenewal } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";

/** /cancel: stops every Star subscription of the user from renewing; access stays to the end of the paid period. */
export const cancelRenewalFeature = new Composer<BotContext>();

cancelRenewalFeature.chatType("private").command("cancel", async (ctx) => {
  if (!ctx.user) return;
  const core = ctx.services.core;
  const renewing = await listRenewingSubscriptions(core.db, ctx.user.id);
  if (!renewing.length) return ctx.reply(ctx.t("cancel-none"));
  for (const plan of renewing) {
    if (!plan.starChargeId) continue;
    await ctx.api.editUserStarSubscription(ctx.from.id, plan.starChargeId, true);
    await stopRenewal(core.db, { subscriptionId: plan.id, now: core.clock.now() });
    await ctx.reply(
      ctx.t("cancel-done", { title: plan.title, until: plan.endsAt.toISOString().slice(0, 10) }),
    );
  }
});
