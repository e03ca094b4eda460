import { type UserMessageRow, userMessages } from "@lumen/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getUser } from "./get-user.ts";

const queueUserMessageInput = z.object({
  userId: z.uuid(),
  text: z.string().trim().min(1).max(4096),
  /** The bot to send through; by default the one the user first wrote to. */
  botId: z.uuid().optional(),
});

/**
 * An operator writes to one user through a bot. The message is a row queued together with its
 * audit entry and the job that sends it (queued on the same transaction); the job (see deliverUserMessage), so the request never waits on Telegram
 * and a retry never sends twice. A blocked user is not written to.
 */
export async function queueUserMessage(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof queueUserMessageInput>,
): Promise<UserMessageRow> {
  requireRole(actor, "operator");
  const { userId, text, botId } = parseInput(queueUserMessageInput, input);
  return ctx.db.transaction(async (tx) => {
    const user = await getUser(tx, userId);
    if (user.isBanned)
      throw new LumenError("CONFLICT", "This user is blocked; unblock them to write to them");
    const via = botId ?? user.botId;
    if (!via) throw validationFailed("bot_id", "the user has not written to any bot yet; name the bot");
    const [row] = await tx
      .insert(userMessages)
      .values({ userId, botId: via, text, sentByType: actor.type, sentById: actor.id })
      .returning();
    const message = row as UserMessageRow;
    await recordAudit(tx, actor, {
      action: "user.message",
      entityType: "user",
      entityId: userId,
      data: { messageId: message.id, botId: via, length: text.length },
    });
    await queueJob(ctx, tx, "users.send-message", { messageId: message.id });
    return message;
  });
}
