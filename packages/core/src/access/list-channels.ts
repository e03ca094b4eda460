import { type ChannelRow, channels } from "@lumen/db";
import { asc } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type ChannelView = ChannelRow & {
  /** What stops paid access from working here: the bot must be an admin that can invite and remove users. */
  missingRights: Array<"administrator" | "can_invite_users" | "can_restrict_members">;
};

export async function listChannels(ctx: CoreContext): Promise<ChannelView[]> {
  const rows = await ctx.db.select().from(channels).orderBy(asc(channels.title));
  return rows.map((row) => ({
    ...row,
    missingRights: [
      ...(row.botStatus === "administrator" ? [] : (["administrator"] as const)),
      ...(row.canInviteUsers ? [] : (["can_invite_users"] as const)),
      ...(row.canRestrictMembers ? [] : (["can_restrict_members"] as const)),
    ],
  }));
}
