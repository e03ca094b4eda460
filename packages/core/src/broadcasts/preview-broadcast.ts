import { z } from "zod";
import { readOperator } from "../auth/operators.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getBroadcast } from "./manage-broadcasts.ts";
import { renderBroadcastMessage } from "./render-message.ts";
import type { BroadcastSender, SendOutcome } from "./sender-port.ts";

const previewInput = z.object({ language: z.enum(["en", "ru"]).optional() });

/**
 * Sends the broadcast, as a recipient in `language` would get it, to the operator's own Telegram
 * account (linked to their login); nothing is recorded as a delivery.
 */
export async function previewBroadcast(
  ctx: CoreContext,
  sender: BroadcastSender,
  actor: Actor,
  broadcastId: string,
  input: z.input<typeof previewInput> = {},
): Promise<SendOutcome> {
  requireRole(actor, "operator");
  const { language } = parseInput(previewInput, input);
  const broadcast = await getBroadcast(ctx.db, broadcastId);
  const chatId =
    actor.type === "admin" && actor.id ? (await readOperator(ctx, actor.id)).telegramUserId : null;
  if (!chatId)
    throw new LumenError("CONFLICT", "Link your Telegram account to your login first to receive previews");
  const message = renderBroadcastMessage(broadcast, {
    telegramId: chatId,
    firstName: "Preview",
    language: language ?? broadcast.content.fallbackLanguage,
  });
  return sender.send(broadcast.botId, message);
}
