import { accessLogs, type ChannelRow, type ChatInviteRow, channels, chatInvites } from "@lumen/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { type ChatEntitlement, listChatEntitlements } from "../subscriptions/list-chat-entitlements.ts";
import { type ChannelView, toChannelView } from "./list-channels.ts";

/**
 * Where a person with access stands: in the chat (joined by their link or an approved request),
 * holding a link not used yet, a link that ran out or was revoked, or no link at all (for
 * example a plan granted by an operator, or one whose receipt job has not run).
 */
export type JoinState = "joined" | "invited" | "invite_expired" | "invite_revoked" | "not_invited";

export type AccessHolder = ChatEntitlement & {
  joinState: JoinState;
  joinedAt: Date | null;
  invite: Pick<
    ChatInviteRow,
    "inviteLink" | "createsJoinRequest" | "createdAt" | "expiresAt" | "usedAt" | "revokedAt"
  > | null;
};

export type ChannelDetail = ChannelView & { access: { holders: AccessHolder[]; total: number } };

export async function findChannel(ctx: CoreContext, channelId: string): Promise<ChannelRow> {
  const [row] = await ctx.db.select().from(channels).where(eq(channels.id, channelId));
  if (!row) throw notFound("Channel", channelId);
  return row;
}

/** A chat for the operator: the bot's missing rights, its join mode and who has access now. */
export async function getChannel(
  ctx: CoreContext,
  input: { channelId: string; graceMs: number; holderLimit?: number },
): Promise<ChannelDetail> {
  const row = await findChannel(ctx, input.channelId);
  const now = ctx.clock.now();
  const entitled = await listChatEntitlements(ctx.db, {
    chatId: row.chatId,
    now,
    graceMs: input.graceMs,
    limit: input.holderLimit ?? 200,
  });
  const userIds = entitled.items.map((e) => e.user.id);
  const invites = userIds.length
    ? await ctx.db
        .select()
        .from(chatInvites)
        .where(and(eq(chatInvites.chatId, row.chatId), inArray(chatInvites.userId, userIds)))
        .orderBy(desc(chatInvites.createdAt))
    : [];
  const joins = userIds.length
    ? await ctx.db
        .select({ userId: accessLogs.userId, occurredAt: accessLogs.occurredAt })
        .from(accessLogs)
        .where(
          and(
            eq(accessLogs.chatId, row.chatId),
            inArray(accessLogs.userId, userIds),
            inArray(accessLogs.kind, ["member_joined", "join_request_approved"]),
          ),
        )
        .orderBy(desc(accessLogs.occurredAt))
    : [];
  const holders = entitled.items.map((entry): AccessHolder => {
    const invite = invites.find((i) => i.userId === entry.user.id) ?? null;
    const joinedAt = joins.find((j) => j.userId === entry.user.id)?.occurredAt ?? invite?.usedAt ?? null;
    return {
      ...entry,
      joinState: joinStateOf(invite, joinedAt, now),
      joinedAt,
      invite: invite && {
        inviteLink: invite.inviteLink,
        createsJoinRequest: invite.createsJoinRequest,
        createdAt: invite.createdAt,
        expiresAt: invite.expiresAt,
        usedAt: invite.usedAt,
        revokedAt: invite.revokedAt,
      },
    };
  });
  return { ...toChannelView(row), access: { holders, total: entitled.total } };
}

function joinStateOf(invite: ChatInviteRow | null, joinedAt: Date | null, now: Date): JoinState {
  if (joinedAt) return "joined";
  if (!invite) return "not_invited";
  if (invite.revokedAt) return "invite_revoked";
  return invite.expiresAt > now ? "invited" : "invite_expired";
}
