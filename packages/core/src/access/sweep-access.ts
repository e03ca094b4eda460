import type { SubscriptionRow, UserRow } from "@lumen/db";
import { queueJob } from "../jobs/outbox.ts";
import type { CoreContext } from "../shared/context.ts";
import {
  claimSubscriptionNotice,
  expireSubscriptions,
  findEntitledSubscription,
  leaseAccessRevocation,
  listDueReminders,
  markAccessRevoked,
  releaseAccessLease,
} from "../subscriptions/lifecycle.ts";
import { getUser } from "../users/get-user.ts";
import { recordAccessEvent } from "./record-access-event.ts";

/** A member's standing in a chat, as Telegram reports it. */
export type ChatMemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/**
 * What the sweep needs from Telegram, implemented by the server with each bot's API. Every
 * method throws when Telegram fails (a 5xx, a 429, the network): a failure is never an answer.
 * Messages to the member are not sent here: they are jobs queued with the change they report.
 */
export type AccessSweepPort = {
  memberStatus(input: { botId: string; chatId: number; telegramId: number }): Promise<ChatMemberStatus>;
  /** Out of the chat now, free to come back after renewing (ban, then unban). */
  removeMember(input: { botId: string; chatId: number; telegramId: number }): Promise<void>;
};

export type SweepFailure = {
  subscriptionId: string;
  step: "removal";
  error: unknown;
};

export type AccessSweepResult = {
  reminded: number;
  expired: number;
  removed: number;
  /** Removals that failed this time; the next sweep tries them again. */
  failures: SweepFailure[];
};

const DAY_MS = 86_400_000;
const LEASE_MS = 5 * 60_000;
const KEEP: ChatMemberStatus[] = ["creator", "administrator", "left", "kicked"];

/**
 * The periodic access sweep: reminders before plans end, expiry after the grace period, then
 * removal of ended subscribers from the plan's chats. Each step is claimed in the database first
 * (a unique notice row, a lease on the removal), so any number of workers can run it and every
 * reminder and removal happens once. The messages to the member ("ends soon", "has ended") are
 * jobs queued in the same transaction as the claim or the revocation they report (the outbox):
 * a sweeper killed at any point leaves either nothing done or the message queued, never lost.
 * A chat another live plan of the same user still covers is left alone. A Telegram failure
 * gives the lease back, so the next sweep tries again: an error is never taken to mean "not a
 * member".
 */
export async function sweepAccess(
  ctx: CoreContext,
  port: AccessSweepPort,
  options: { reminderDays: number[]; graceMs: number; leaseMs?: number },
): Promise<AccessSweepResult> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const result: AccessSweepResult = { reminded: 0, expired: 0, removed: 0, failures: [] };
  for (const { subscription, daysBefore } of await listDueReminders(db, {
    now,
    daysBefore: options.reminderDays,
  })) {
    if (!subscription.botId) continue;
    const daysLeft = Math.max(1, Math.ceil((subscription.endsAt.getTime() - now.getTime()) / DAY_MS));
    const queued = await db.transaction(async (tx) => {
      const claim = { subscriptionId: subscription.id, kind: "reminder" as const, daysBefore };
      if (!(await claimSubscriptionNotice(tx, { ...claim, endsAt: subscription.endsAt, now }))) return false;
      await queueJob(ctx, tx, "access.send-reminder", {
        ...claim,
        daysLeft,
        endsAt: subscription.endsAt.toISOString(),
      });
      await recordAccessEvent({ ...ctx, db: tx }, { kind: "reminder_sent", subscription, daysBefore });
      return true;
    });
    if (queued) result.reminded++;
  }
  result.expired = (await expireSubscriptions(db, { now, graceMs: options.graceMs })).length;
  const leased = await leaseAccessRevocation(db, { now, leaseMs: options.leaseMs ?? LEASE_MS });
  for (const subscription of leased) {
    const botId = subscription.botId;
    if (!botId) continue;
    const user = await getUser(db, subscription.userId);
    let removedChatIds: number[];
    try {
      removedChatIds = await removeFromChats(ctx, port, {
        botId,
        user,
        subscription,
        graceMs: options.graceMs,
      });
    } catch (error) {
      await releaseAccessLease(db, { subscriptionId: subscription.id });
      result.failures.push({ subscriptionId: subscription.id, step: "removal", error });
      continue;
    }
    await db.transaction(async (tx) => {
      await recordAccessEvent({ ...ctx, db: tx }, { kind: "access_ended", subscription, removedChatIds });
      await markAccessRevoked(tx, { subscriptionId: subscription.id, now });
      const notice = { subscriptionId: subscription.id, kind: "expired" as const, daysBefore: 0 };
      if (await claimSubscriptionNotice(tx, { ...notice, endsAt: subscription.endsAt, now })) {
        await queueJob(ctx, tx, "access.send-ended-notice", {
          subscriptionId: subscription.id,
          endsAt: subscription.endsAt.toISOString(),
        });
      }
    });
    result.removed++;
  }
  return result;
}

/**
 * Removes the ended subscriber from each chat of the plan, unless another live plan of theirs
 * still covers that chat. Owners and admins are never removed; people already out are skipped.
 */
async function removeFromChats(
  ctx: CoreContext,
  port: AccessSweepPort,
  input: { botId: string; user: UserRow; subscription: SubscriptionRow; graceMs: number },
): Promise<number[]> {
  const now = ctx.clock.now();
  const removed: number[] = [];
  for (const chatId of input.subscription.channelIds) {
    const covered = await findEntitledSubscription(ctx.db, {
      userId: input.user.id,
      chatId,
      now,
      graceMs: input.graceMs,
    });
    if (covered) continue;
    const member = { botId: input.botId, chatId, telegramId: input.user.telegramId };
    if (KEEP.includes(await port.memberStatus(member))) continue;
    await port.removeMember(member);
    removed.push(chatId);
  }
  return removed;
}
