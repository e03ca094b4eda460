import { cancelOwnRenewal, listRenewingSubscriptions } from "@lumen/core";
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
    await cancelOwnRenewal(
      core,
      { userId: ctx.user.id, subscriptionId: plan.id },
      ({ telegramUserId, chargeId }) =>
        ctx.api.editUserStarSubscription(telegramUserId, chargeId, true).then(() => undefined),
    );
    await ctx.reply(
      ctx.t("cancel-done", { title: plan.title, until: plan.endsAt.toISOString().slice(0, 10) }),
    );
  }
});
