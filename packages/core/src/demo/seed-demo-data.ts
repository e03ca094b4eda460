import { seedDemoCatalog } from "../catalog/seed-demo-catalog.ts";
import { createPromo, listPromos } from "../promos/manage-promos.ts";
import { getOrCreateReferralCode } from "../referrals/referral-code.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { upsertTelegramUser } from "../users/upsert-telegram-user.ts";
import { seedDemoCourse } from "./seed-demo-course.ts";

export const demoPromoCode = "DEMO20";

/** The demo partner's Telegram id; the playground's emulator gives its test user the same id. */
export const demoPartner = { telegramId: 500_000_900, firstName: "Pat", username: "pat_partner" } as const;

export type DemoDataResult = {
  /** What was added this time, for the CLI to print; empty when everything was already there. */
  created: string[];
  partnerCode: string;
};

/**
 * `lumen demo` and the playground's first start: the demo catalog (AI credit packs, a plan, a
 * digital good, and with a chat the bot administers a channel plan), a three-lesson course with
 * its BASIC tariff, a 20% promo code and a
 * partner with a referral code. Every part is added only when missing, so a second run changes nothing.
 */
export async function seedDemoData(
  ctx: CoreContext,
  actor: Actor,
  options: { channelChatId?: number } = {},
): Promise<DemoDataResult> {
  const { created } = await seedDemoCatalog(ctx, actor, options);
  created.push(...(await seedDemoCourse(ctx, actor)));
  const promos = await listPromos(ctx);
  if (!promos.some((p) => p.code === demoPromoCode)) {
    await createPromo(ctx, actor, { code: demoPromoCode, kind: "percent_off", value: 20, maxUses: 100 });
    created.push(`promo code ${demoPromoCode}`);
  }
  const partner = await upsertTelegramUser(ctx, {
    telegramId: demoPartner.telegramId,
    firstName: demoPartner.firstName,
    username: demoPartner.username,
    languageCode: "en",
  });
  if (partner.created) created.push(`partner ${demoPartner.firstName}`);
  const partnerCode = await getOrCreateReferralCode(ctx.db, partner.id);
  return { created, partnerCode };
}
