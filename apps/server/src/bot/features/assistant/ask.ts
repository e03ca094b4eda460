import { askAssistant, findFailedQuestion, isLumenError } from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import { retryData, retryDataPattern } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { limitPerUser } from "../../middlewares/limit-per-user.ts";
import { createAnswerStream } from "./answer-stream.ts";
import { renderNoAccess } from "./screens.ts";

/**
 * One question to the AI, answered as it is written. Runs in the background so the update
 * (and a webhook call) completes at once; failures map to readable answers, and anything
 * unexpected still gets the generic apology.
 */
export async function answerQuestion(ctx: BotContext, chatId: number, question: string): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  await ctx.api.sendChatAction(chatId, "typing").catch(() => undefined);
  const stream = createAnswerStream(ctx, chatId);
  try {
    await askAssistant(ctx.services.core, ctx.services.assistant, {
      userId: user.id,
      question,
      channel: "bot",
      botId: ctx.lumenBot.id,
      onDelta: stream.onDelta,
      deliver: stream.finish,
    });
  } catch (error) {
    await stream.abandon();
    if (!isLumenError(error)) {
      ctx.log.error({ err: error }, "answer failed");
      await ctx.api.sendMessage(chatId, ctx.t("error-generic")).catch(() => undefined);
      return;
    }
    switch (error.code) {
      case "INSUFFICIENT_CREDITS": {
        const screen = await renderNoAccess(ctx);
        await ctx.api.sendMessage(chatId, screen.text, { reply_markup: screen.reply_markup });
        return;
      }
      case "SERVICE_UNAVAILABLE":
        await ctx.api.sendMessage(chatId, ctx.t("ai-not-configured"));
        return;
      case "FORBIDDEN":
        await ctx.api.sendMessage(chatId, ctx.t("user-banned"));
        return;
      case "UPSTREAM_FAILED": {
        const messageId = String(error.details.messageId ?? "");
        const keyboard = messageId
          ? new InlineKeyboard().text(ctx.t("ai-retry"), retryData(messageId))
          : undefined;
        await ctx.api.sendMessage(chatId, ctx.t("ai-failed"), keyboard ? { reply_markup: keyboard } : {});
        return;
      }
      default:
        throw error;
    }
  }
}

export const askFeature = new Composer<BotContext>();

askFeature
  .chatType("private")
  .on("message:text")
  .filter((ctx) => !ctx.message.text.startsWith("/"))
  .use(limitPerUser("question"), (ctx) => {
    ctx.track("ai_question_asked");
    ctx.services.background.run(() => answerQuestion(ctx, ctx.chat.id, ctx.message.text));
  });

askFeature.callbackQuery(retryDataPattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const chatId = ctx.chat?.id;
  if (!ctx.user || chatId === undefined) return;
  const question = await findFailedQuestion(ctx.services.core, {
    userId: ctx.user.id,
    messageId: ctx.match[1] as string,
  });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (!question) {
    await ctx.reply(ctx.t("ai-retry-missing"));
    return;
  }
  ctx.services.background.run(() => answerQuestion(ctx, chatId, question));
});
