import type { TelegramEmulator } from "@lumen/testkit";
import type { TestUser } from "./demo-world.ts";

/**
 * A test user's Stars: what they started the run with, less every Star payment to the demo bot
 * that was not refunded. Derived from the emulator's payments, so a refund the bot makes (from
 * the panel's order page, or a reversal) gives the Stars back without the page doing anything.
 */
export function starsOf(tg: TelegramEmulator, botId: number, user: TestUser): number {
  const spent = tg.payments
    .filter((p) => p.botId === botId && p.userId === user.id && !p.refunded && p.payment.currency === "XTR")
    .reduce((sum, p) => sum + p.payment.total_amount, 0);
  return user.stars - spent;
}

/** Whether the Star payment with this charge id was refunded. */
export function isRefunded(tg: TelegramEmulator, chargeId: string): boolean {
  return tg.payments.some((p) => p.payment.telegram_payment_charge_id === chargeId && p.refunded);
}
