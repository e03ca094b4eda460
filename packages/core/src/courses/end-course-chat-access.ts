import { listLiveEnrollmentInvites, markInviteRevoked } from "../access/chat-invites.ts";
import type { AccessSweepPort } from "../access/sweep-access.ts";
import type { CoreContext } from "../shared/context.ts";
import { readEnrollmentGrant, readHeldCourseChats, readTariffChats } from "./read-grant.ts";

/** The Telegram side: the sweep's member checks and removal, and revoking a personal link. */
export type CourseChatPort = AccessSweepPort & {
  revokeInviteLink(input: { botId: string; chatId: number; inviteLink: string }): Promise<void>;
};

export type CourseChatAccessEnded = {
  skipped?: "not refunded" | "no bot";
  /** Chats the refund took away; links to them are revoked, a member is removed. */
  chatIds: number[];
  removed: number;
  revokedLinks: number;
};

/**
 * After a refunded course order: the chats it opened that the student no longer holds through
 * any place of theirs (the place itself when it ended, an upgrade's extra chats otherwise) are
 * closed to them. Their unused links are revoked and they are removed (ban, then unban, so a
 * later purchase can bring them back). Queued by the refund's transaction; a repeat, or a retry
 * after a Telegram failure, finds the links revoked and the member gone and does nothing twice.
 */
export async function endCourseChatAccess(
  ctx: CoreContext,
  port: CourseChatPort,
  orderId: string,
): Promise<CourseChatAccessEnded> {
  const none = { chatIds: [], removed: 0, revokedLinks: 0 };
  const view = await readEnrollmentGrant(ctx.db, orderId);
  if (!view?.grant.reversedAt) return { ...none, skipped: "not refunded" };
  const { grant, enrollment, course, student } = view;
  const botId = course.botId ?? student.botId;
  if (!botId) return { ...none, skipped: "no bot" };
  const opened = new Set(await readTariffChats(ctx.db, course.id, grant.toTariff));
  if (enrollment.status === "refunded") {
    for (const chatId of await readTariffChats(ctx.db, course.id, enrollment.tariff)) opened.add(chatId);
  }
  const held = await readHeldCourseChats(ctx.db, student.id);
  const chatIds = [...opened].filter((chatId) => !held.has(chatId));
  const now = ctx.clock.now();
  let removed = 0;
  let revokedLinks = 0;
  for (const chatId of chatIds) {
    for (const invite of await listLiveEnrollmentInvites(ctx.db, {
      enrollmentId: enrollment.id,
      chatId,
      now,
    })) {
      await port.revokeInviteLink({ botId, chatId, inviteLink: invite.inviteLink });
      await markInviteRevoked(ctx.db, { inviteLink: invite.inviteLink, now });
      revokedLinks++;
    }
    const status = await port.memberStatus({ botId, chatId, telegramId: student.telegramId });
    if (status === "member" || status === "restricted") {
      await port.removeMember({ botId, chatId, telegramId: student.telegramId });
      removed++;
    }
  }
  return { chatIds, removed, revokedLinks };
}
