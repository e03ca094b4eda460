import { type ChannelRow, channels } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";

export type ChannelView = ChannelRow & {
  /** What stops paid access from working here: the bot must be an admin that can invite and remove users. */
  missingRights: Array<"administrator" | "can_invite_users" | "can_restrict_members">;
};

export const toChannelView = (row: ChannelRow): ChannelView => ({
  ...row,
  missingRights: [
    ...(row.botStatus === "administrator" ? [] : (["administrator"] as const)),
    ...(row.canInviteUsers ? [] : (["can_invite_users"] as const)),
    ...(row.canRestrictMembers ? [] : (["can_restrict_members"] as const)),
  ],
});

export async function listChannels(ctx: CoreContext): Promise<ChannelView[]> {
  const rows = await ctx.db.select().from(channels).orderBy(asc(channels.title));
  return rows.map(toChannelView);
}

/** How subscribers get into a chat: personal one-use links, or join requests the bot approves. */
export async function setChannelJoinMode(
  ctx: CoreContext,
  actor: Actor,
  input: { channelId: string; joinMode: "invite_link" | "join_request" },
): Promise<ChannelRow> {
  requireRole(actor, "admin");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(channels)
      .set({ joinMode: input.joinMode, updatedAt: ctx.clock.now() })
      .where(eq(channels.id, input.channelId))
      .returning();
    if (!row) throw notFound("Channel", input.channelId);
    await recordAudit(tx, actor, {
      action: "channel.join_mode",
      entityType: "channel",
      entityId: row.id,
      data: { joinMode: input.joinMode },
    });
    return row;
  });
}
