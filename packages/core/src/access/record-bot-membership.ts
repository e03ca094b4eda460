import { type ChannelRow, channels } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type BotMembershipInput = {
  botId: string;
  chat: { id: number; title: string; type: "channel" | "supergroup" | "group"; username?: string | null };
  status: "administrator" | "member" | "left" | "kicked" | "restricted";
  canInviteUsers: boolean;
  canRestrictMembers: boolean;
  /** When Telegram says it changed; an older update arriving late does not overwrite a newer one. */
  changedAt: Date;
};

/** The bot's my_chat_member update: it was added to, promoted in, demoted in or removed from a chat. */
export async function recordBotMembership(ctx: CoreContext, input: BotMembershipInput): Promise<ChannelRow> {
  const values = {
    title: input.chat.title,
    type: input.chat.type,
    username: input.chat.username ?? null,
    botStatus: input.status,
    canInviteUsers: input.canInviteUsers,
    canRestrictMembers: input.canRestrictMembers,
    statusChangedAt: input.changedAt,
    updatedAt: ctx.clock.now(),
  };
  const [row] = await ctx.db
    .insert(channels)
    .values({ botId: input.botId, chatId: input.chat.id, ...values })
    .onConflictDoUpdate({
      target: [channels.botId, channels.chatId],
      set: values,
      setWhere: sql`${channels.statusChangedAt} <= ${input.changedAt}`,
    })
    .returning();
  if (row) return row;
  const [current] = await ctx.db
    .select()
    .from(channels)
    .where(sql`${channels.botId} = ${input.botId} and ${channels.chatId} = ${input.chat.id}`);
  return current as ChannelRow;
}
