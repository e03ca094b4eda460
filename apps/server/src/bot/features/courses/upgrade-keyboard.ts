import { listCourseUpgrades } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { buyData } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { payableHere } from "../shop/payable-here.ts";

/**
 * "Upgrade" buttons for a student on a lower tariff: one per upgrade core offers (which places
 * and tariffs may be upgraded is decided there alone) and way this bot can take, at the
 * difference core charges. They start the shop's ordinary checkout for that tariff's
 * product, so the order, invoice and settlement are the same as any purchase. Undefined when
 * there is nothing to upgrade to (or no way to pay for it here).
 */
export async function upgradeKeyboard(
  ctx: BotContext,
  courseCode: string,
  keyboard = new InlineKeyboard(),
): Promise<InlineKeyboard | undefined> {
  if (!ctx.user) return undefined;
  const upgrades = await listCourseUpgrades(ctx.services.core.db, { userId: ctx.user.id, courseCode });
  let count = 0;
  for (const upgrade of upgrades) {
    const payable = payableHere(ctx, upgrade.currency, upgrade.amount);
    if (!payable) continue;
    keyboard
      .text(
        ctx.t(`course-upgrade-${payable.key}`, { tariff: upgrade.tariff, amount: payable.amount }),
        buyData(upgrade.productId, payable.currency),
      )
      .row();
    count++;
  }
  return count ? keyboard : undefined;
}
