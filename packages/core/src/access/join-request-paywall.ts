import { type JoinRequestRow, joinRequests, products } from "@lumen/db";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { listProductsWithPrices, type Product } from "../catalog/get-product.ts";
import type { CoreContext } from "../shared/context.ts";
import { findEntitledSubscription } from "../subscriptions/lifecycle.ts";
import { findUserByTelegramId } from "../users/get-user.ts";
import { recordAccessEvent } from "./record-access-event.ts";

export type JoinRequestDecision =
  | { action: "approve" }
  | { action: "decline" }
  /** Held open: the person is offered the plan that opens the chat, and approved once they pay. */
  | { action: "offer"; product: Product };

/** A plan on sale that opens this chat, the first in catalog order. */
async function findPlanForChat(ctx: CoreContext, chatId: number): Promise<Product | undefined> {
  const [row] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        eq(products.active, true),
        eq(products.kind, "plan"),
        sql`${products.details}->'channelIds' @> ${JSON.stringify([chatId])}::jsonb`,
      ),
    )
    .orderBy(asc(products.sortOrder), asc(products.createdAt))
    .limit(1);
  return row ? (await listProductsWithPrices(ctx.db, [row.id]))[0] : undefined;
}

/**
 * A join request to a paid chat: approved for someone a live plan covers; for anyone else, when
 * a plan on sale opens the chat, held open and offered (the paywall), otherwise declined.
 */
export async function decideJoinRequest(
  ctx: CoreContext,
  input: {
    botId: string;
    chatId: number;
    telegramUserId: number;
    graceMs: number;
    requestedAt: Date;
    /** The request's query, kept when the bot answers it with the store (the paywall in a Mini App). */
    queryId?: string | null;
  },
): Promise<JoinRequestDecision> {
  const user = await findUserByTelegramId(ctx.db, input.telegramUserId);
  if (!user || user.isBanned) return { action: "decline" };
  const now = ctx.clock.now();
  const entitled = await findEntitledSubscription(ctx.db, {
    userId: user.id,
    chatId: input.chatId,
    now,
    graceMs: input.graceMs,
  });
  if (entitled) return { action: "approve" };
  const product = await findPlanForChat(ctx, input.chatId);
  if (!product) return { action: "decline" };
  const held = {
    botId: input.botId,
    productId: product.id,
    queryId: input.queryId ?? null,
    status: "pending" as const,
    requestedAt: input.requestedAt,
    decidedAt: null,
    updatedAt: now,
  };
  await ctx.db
    .insert(joinRequests)
    .values({ ...held, chatId: input.chatId, telegramUserId: input.telegramUserId, createdAt: now })
    .onConflictDoUpdate({ target: [joinRequests.chatId, joinRequests.telegramUserId], set: held });
  return { action: "offer", product };
}

/**
 * Telegram's side of a held request: approve or decline it (through its query when it came as
 * one). "gone" when Telegram no longer holds it (answered already, or withdrawn); any other
 * failure is thrown and the caller tries again.
 */
export type JoinRequestPort = {
  answer(input: {
    botId: string;
    chatId: number;
    telegramUserId: number;
    queryId: string | null;
    approve: boolean;
  }): Promise<"done" | "gone">;
};

/** This person's requests still held open for these chats: what a payment for them approves. */
async function listHeldJoinRequests(
  ctx: CoreContext,
  input: { telegramUserId: number; chatIds: number[] },
): Promise<JoinRequestRow[]> {
  if (!input.chatIds.length) return [];
  return ctx.db
    .select()
    .from(joinRequests)
    .where(
      and(
        eq(joinRequests.telegramUserId, input.telegramUserId),
        inArray(joinRequests.chatId, input.chatIds),
        eq(joinRequests.status, "pending"),
      ),
    );
}

/** Requests held longer than this are declined by the sweep: Telegram keeps them forever otherwise. */
export const JOIN_REQUEST_HOLD_MS = 48 * 3600_000;

async function listStaleJoinRequests(ctx: CoreContext, limit = 100): Promise<JoinRequestRow[]> {
  const before = new Date(ctx.clock.now().getTime() - JOIN_REQUEST_HOLD_MS);
  return ctx.db
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.status, "pending"), lt(joinRequests.requestedAt, before)))
    .orderBy(asc(joinRequests.requestedAt))
    .limit(limit);
}

/** Records what Telegram was told; only a held request changes, so a retry records nothing twice. */
async function closeJoinRequest(
  ctx: CoreContext,
  input: { id: string; status: "approved" | "declined" },
): Promise<boolean> {
  const now = ctx.clock.now();
  const closed = await ctx.db
    .update(joinRequests)
    .set({ status: input.status, decidedAt: now, updatedAt: now })
    .where(and(eq(joinRequests.id, input.id), eq(joinRequests.status, "pending")))
    .returning({ id: joinRequests.id });
  return closed.length > 0;
}

/** Closes a held request as Telegram was told, and logs it once (the request's own date keys it). */
async function recordAnswer(ctx: CoreContext, request: JoinRequestRow, status: "approved" | "declined") {
  if (!(await closeJoinRequest(ctx, { id: request.id, status }))) return false;
  await recordAccessEvent(ctx, {
    kind: status === "approved" ? "join_request_approved" : "join_request_declined",
    botId: request.botId,
    chatId: request.chatId,
    telegramUserId: request.telegramUserId,
    at: request.requestedAt,
  });
  return true;
}

/**
 * The paywall's end: the buyer paid for a plan, and their requests held for its chats are approved
 * at Telegram, then recorded. A retry finds the recorded ones closed, and a request Telegram no
 * longer holds is closed too, so nobody is approved twice. Returns the chats now open.
 */
export async function approveHeldJoinRequests(
  ctx: CoreContext,
  port: JoinRequestPort,
  input: { telegramUserId: number; chatIds: number[] },
): Promise<number[]> {
  const opened: number[] = [];
  for (const request of await listHeldJoinRequests(ctx, input)) {
    const answered = await port.answer({ ...request, approve: true });
    if (answered === "done") opened.push(request.chatId);
    await recordAnswer(ctx, request, "approved");
  }
  return opened;
}

/**
 * Requests held for a payment that never came are declined after JOIN_REQUEST_HOLD_MS, so the
 * chat's admins do not see them pile up. Two workers may both decline one; only one records it.
 * A failure leaves the request held for the next sweep and is returned, not thrown.
 */
export async function declineStaleJoinRequests(
  ctx: CoreContext,
  port: JoinRequestPort,
): Promise<{ declined: number; failures: Array<{ chatId: number; error: unknown }> }> {
  const result = { declined: 0, failures: [] as Array<{ chatId: number; error: unknown }> };
  for (const request of await listStaleJoinRequests(ctx)) {
    try {
      await port.answer({ ...request, approve: false });
    } catch (error) {
      result.failures.push({ chatId: request.chatId, error });
      continue;
    }
    if (await recordAnswer(ctx, request, "declined")) result.declined++;
  }
  return result;
}
