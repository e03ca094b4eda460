import { accessLogs, type ChatInviteRow, chatInvites, type SubscriptionRow } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { findUserByTelegramId } from "../users/get-user.ts";

/** Something Telegram told the bot about one person in one chat; `at` is the update's own date. */
type SeenInChat = { botId: string; chatId: number; telegramUserId: number; at: Date };

export type AccessEvent =
  /** A personal link (or join-request link) was made for a subscriber. */
  | { kind: "invite_issued"; invite: ChatInviteRow }
  /** Someone joined by one of our links: its owner (member_joined) or someone else, who was removed. */
  | ({ kind: "member_joined" | "stranger_removed"; inviteLink: string } & SeenInChat)
  | ({ kind: "join_request_approved" | "join_request_declined" } & SeenInChat)
  /** Someone without a plan asked to join: held open while they are offered the plan. */
  | ({ kind: "join_request_offered" } & SeenInChat)
  /** The subscriber was reminded that the plan ends: one row per chat of the plan. */
  | { kind: "reminder_sent"; subscription: SubscriptionRow; daysBefore: number }
  /** The plan ended: member_removed for the chats the person was taken out of, access_expired for the rest. */
  | { kind: "access_ended"; subscription: SubscriptionRow; removedChatIds: number[] };

type Row = typeof accessLogs.$inferInsert;

/**
 * Writes the access log as the access domain acts. Each row carries the event's natural key
 * (the link, the Telegram update's date, the plan's end date), so a redelivered update or a
 * retried sweep records nothing twice. Returns how many rows were new.
 */
export async function recordAccessEvent(ctx: CoreContext, event: AccessEvent): Promise<number> {
  const rows = await rowsFor(ctx, event);
  if (!rows.length) return 0;
  const written = await ctx.db
    .insert(accessLogs)
    .values(rows)
    .onConflictDoNothing({ target: accessLogs.eventKey })
    .returning({ id: accessLogs.id });
  return written.length;
}

async function rowsFor(ctx: CoreContext, event: AccessEvent): Promise<Row[]> {
  const occurredAt = ctx.clock.now();
  switch (event.kind) {
    case "invite_issued": {
      const { invite } = event;
      return [
        {
          kind: "invite_issued",
          botId: invite.botId,
          chatId: invite.chatId,
          userId: invite.userId,
          subscriptionId: invite.subscriptionId,
          inviteLink: invite.inviteLink,
          data: { createsJoinRequest: invite.createsJoinRequest, expiresAt: invite.expiresAt.toISOString() },
          eventKey: `invite_issued:${invite.inviteLink}`,
          occurredAt,
        },
      ];
    }
    case "member_joined":
    case "stranger_removed": {
      const person = await findUserByTelegramId(ctx.db, event.telegramUserId);
      const [invite] = await ctx.db
        .select({ userId: chatInvites.userId, subscriptionId: chatInvites.subscriptionId })
        .from(chatInvites)
        .where(and(eq(chatInvites.chatId, event.chatId), eq(chatInvites.inviteLink, event.inviteLink)));
      return [
        {
          kind: event.kind,
          botId: event.botId,
          chatId: event.chatId,
          userId: person?.id ?? null,
          telegramUserId: event.telegramUserId,
          subscriptionId: invite?.subscriptionId ?? null,
          inviteLink: event.inviteLink,
          // Whose link it was: the member's own, or the subscriber who passed it on.
          data: { linkOwnerUserId: invite?.userId ?? null },
          eventKey: `${event.kind}:${event.chatId}:${event.telegramUserId}:${event.at.getTime()}`,
          occurredAt,
        },
      ];
    }
    case "join_request_offered":
    case "join_request_approved":
    case "join_request_declined": {
      const person = await findUserByTelegramId(ctx.db, event.telegramUserId);
      return [
        {
          kind: event.kind,
          botId: event.botId,
          chatId: event.chatId,
          userId: person?.id ?? null,
          telegramUserId: event.telegramUserId,
          data: {},
          // One decision per request, whichever way it went (the offer comes before it).
          eventKey: `${event.kind === "join_request_offered" ? "join_request_offered" : "join_request"}:${event.chatId}:${event.telegramUserId}:${event.at.getTime()}`,
          occurredAt,
        },
      ];
    }
    case "reminder_sent": {
      const { subscription: s, daysBefore } = event;
      return s.channelIds.map((chatId) => ({
        ...ofSubscription(s, chatId),
        kind: "reminder_sent" as const,
        data: { daysBefore, endsAt: s.endsAt.toISOString() },
        eventKey: `reminder_sent:${s.id}:${s.endsAt.getTime()}:${daysBefore}:${chatId}`,
        occurredAt,
      }));
    }
    case "access_ended": {
      const { subscription: s } = event;
      return s.channelIds.map((chatId) => ({
        ...ofSubscription(s, chatId),
        kind: event.removedChatIds.includes(chatId)
          ? ("member_removed" as const)
          : ("access_expired" as const),
        data: { endsAt: s.endsAt.toISOString(), status: s.status },
        eventKey: `access_ended:${s.id}:${s.endsAt.getTime()}:${chatId}`,
        occurredAt,
      }));
    }
  }
}

const ofSubscription = (s: SubscriptionRow, chatId: number) => ({
  botId: s.botId,
  chatId,
  userId: s.userId,
  subscriptionId: s.id,
});
