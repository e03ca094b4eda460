import { randomInt } from "node:crypto";
import { GrammyError } from "grammy";
import type { BotContext } from "../../context.ts";
import { editFormatted, sendFormatted } from "../../format/send-answer.ts";
import { splitMessage } from "../../format/split-message.ts";

const DRAFT_INTERVAL_MS = 350;
const EDIT_INTERVAL_MS = 1200;
const PREVIEW_LIMIT = 4000;

export type AnswerStream = {
  onDelta(textSoFar: string): void;
  /** Sends the finished answer (formatted, split as needed); resolves once Telegram has it. */
  finish(answer: string): Promise<void>;
  /** No answer is coming: stop previews and remove a half-written message. */
  abandon(): Promise<void>;
};

/**
 * Shows the answer growing while the AI writes it: as a message draft (Bot API 9.5), or,
 * when Telegram refuses drafts, as one message edited every so often. Updates are throttled
 * and never overlap; the finished answer always goes as real messages.
 */
export function createAnswerStream(ctx: BotContext, chatId: number): AnswerStream {
  let mode: "draft" | "edit" = "draft";
  const draftId = randomInt(1, 2 ** 31 - 1);
  let latest = "";
  let shown = "";
  let lastPushAt = 0;
  let closed = false;
  let editMessageId: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const preview = (text: string) => (text.length > PREVIEW_LIMIT ? `${text.slice(0, PREVIEW_LIMIT)}…` : text);

  async function push(): Promise<void> {
    const text = latest;
    if (closed || text === shown) return;
    if (mode === "draft") {
      try {
        await ctx.api.sendMessageDraft(chatId, draftId, preview(text));
        shown = text;
        return;
      } catch (error) {
        ctx.log.info(
          { err: error instanceof GrammyError ? error.description : String(error) },
          "drafts refused; streaming by edits",
        );
        mode = "edit";
      }
    }
    if (editMessageId === undefined)
      editMessageId = (await ctx.api.sendMessage(chatId, preview(text))).message_id;
    else await ctx.api.editMessageText(chatId, editMessageId, preview(text)).catch(() => undefined);
    shown = text;
  }

  function schedule(): void {
    if (closed || inFlight || timer) return;
    const interval = mode === "draft" ? DRAFT_INTERVAL_MS : EDIT_INTERVAL_MS;
    timer = setTimeout(
      () => {
        timer = undefined;
        lastPushAt = Date.now();
        inFlight = push()
          .catch((error: unknown) => ctx.log.warn({ err: error }, "answer preview failed"))
          .finally(() => {
            inFlight = undefined;
            if (latest !== shown) schedule();
          });
      },
      Math.max(0, lastPushAt + interval - Date.now()),
    );
  }

  async function stop(): Promise<void> {
    closed = true;
    clearTimeout(timer);
    timer = undefined;
    await inFlight;
  }

  return {
    onDelta(text) {
      latest = text;
      schedule();
    },
    async finish(answer) {
      await stop();
      const [first = answer, ...rest] = splitMessage(answer);
      if (editMessageId === undefined) await sendFormatted(ctx, chatId, first);
      else await editFormatted(ctx, chatId, editMessageId, first);
      for (const part of rest) await sendFormatted(ctx, chatId, part);
    },
    async abandon() {
      await stop();
      if (editMessageId !== undefined)
        await ctx.api.deleteMessage(chatId, editMessageId).catch(() => undefined);
    },
  };
}
