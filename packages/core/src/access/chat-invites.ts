import { type ChatInviteRow, chatInvites, type Database } from "@lumen/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { findUserByTelegramId } from "../users/get-user.ts";
import { recordAccessEvent } from "./record-access-event.ts";

/** Keeps a link made for a subscriber, and logs it as issued in the same transaction. */
export async function recordChatInvite(
  ctx: CoreContext,
  input: Omit<
    ChatInviteRow,
    "id" | "usedAt" | "revokedAt" | "createdAt" | "updatedAt" | "subscriptionId" | "enrollmentId"
  > &
    // Made for a plan's subscriber or for a course student (the chats of their tariff).
    ({ subscriptionId: string; enrollmentId?: null } | { subscriptionId?: null; enrollmentId: string }),
): Promise<ChatInviteRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(chatInvites).values(input).returning();
    if (!row) throw new Error("invite not saved");
    await recordAccessEvent({ ...ctx, db: tx }, { kind: "invite_issued", invite: row });
    return row;
  });
}

export async function markInviteRevoked(
  db: Database,
  input: { inviteLink: string; now: Date },
): Promise<void> {
  await db
    .update(chatInvites)
    .set({ revokedAt: input.now, updatedAt: input.now })
    .where(and(eq(chatInvites.inviteLink, input.inviteLink), isNull(chatInvites.revokedAt)));
}

/** A course place's links to a chat not yet used, revoked nor expired: resent on a retry, revoked on a refund. */
export async function listLiveEnrollmentInvites(
  db: Database,
  input: { enrollmentId: string; chatId: number; now: Date },
): Promise<ChatInviteRow[]> {
  return db
    .select()
    .from(chatInvites)
    .where(
      and(
        eq(chatInvites.enrollmentId, input.enrollmentId),
        eq(chatInvites.chatId, input.chatId),
        isNull(chatInvites.revokedAt),
        isNull(chatInvites.usedAt),
        gt(chatInvites.expiresAt, input.now),
      ),
    );
}

export type JoinDecision =
  | { action: "keep"; reason: "owner" | "not_ours" }
  | { action: "remove_and_revoke"; inviteLink: string };

/**
 * Someone joined a chat by one of our personal links. The buyer stays (the link is spent);
 * anyone else is removed and the link revoked, since it was passed on.
 */
export async function decideInviteJoin(
  ctx: CoreContext,
  input: { chatId: number; telegramUserId: number; inviteLink: string },
): Promise<JoinDecision> {
  const [invite] = await ctx.db
    .select()
    .from(chatInvites)
    .where(and(eq(chatInvites.chatId, input.chatId), eq(chatInvites.inviteLink, input.inviteLink)));
  if (!invite) return { action: "keep", reason: "not_ours" };
  const joiner = await findUserByTelegramId(ctx.db, input.telegramUserId);
  const now = ctx.clock.now();
  if (joiner?.id === invite.userId) {
    await ctx.db
      .update(chatInvites)
      .set({ usedAt: now, updatedAt: now })
      .where(eq(chatInvites.id, invite.id));
    return { action: "keep", reason: "owner" };
  }
  return { action: "remove_and_revoke", inviteLink: invite.inviteLink };
}
