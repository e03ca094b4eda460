import { isLumenError, linkOperatorTelegram } from "@lumen/core";
import type { BotContext } from "../context.ts";

/**
 * Answers `/start op_<code>`: the operator asked for the code in the panel, and sending it from
 * Telegram makes this account theirs, so the bots know them as a reviewer, an assistant or an admin.
 */
export async function linkOperatorAccount(ctx: BotContext, code: string): Promise<void> {
  if (!ctx.from) return;
  try {
    const operator = await linkOperatorTelegram(ctx.services.core, { code, telegramUserId: ctx.from.id });
    ctx.log.info({ operatorId: operator.id }, "operator linked a Telegram account");
    await ctx.reply(
      ctx.t("operator-linked", { email: operator.email, role: ctx.t(`operator-role-${operator.role}`) }),
    );
  } catch (error) {
    if (!isLumenError(error) || error.code !== "CONFLICT") throw error;
    const taken = error.message.includes("another operator");
    await ctx.reply(ctx.t(taken ? "operator-link-taken" : "operator-link-invalid"));
  }
}
