import { createHash, randomInt } from "node:crypto";
import { type BuyerLoginStatus, bots, buyerLoginCodes } from "@lumen/db";
import { and, eq, gt, lt } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { type BuyerTokens, openBuyerSession } from "./buyer-sessions.ts";

/** Seed 000: a sign-in code lives five minutes. */
export const BUYER_LOGIN_TTL_MS = 5 * 60_000;
/** No 0/O or 1/I: the code is shown to people, who may type or compare it. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;

export const hashBrowserKey = (key: string) => createHash("sha256").update(key).digest("hex");

function generateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * Starts signing in outside Telegram: a code for `t.me/<bot>?start=login_<code>`, bound to the
 * browser that asked (by the hash of a key only that browser holds).
 */
export async function startBuyerLogin(
  ctx: CoreContext,
  input: { botId: string; browserKey: string },
): Promise<{ code: string; botUsername: string; expiresAt: Date }> {
  const [bot] = await ctx.db.select().from(bots).where(eq(bots.id, input.botId));
  if (!bot?.enabled) throw new LumenError("NOT_FOUND", "This store is not open", { field: "bot_id" });
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + BUYER_LOGIN_TTL_MS);
  // Codes past their life are no use to anyone: clear them as new ones are made.
  await ctx.db
    .delete(buyerLoginCodes)
    .where(lt(buyerLoginCodes.expiresAt, new Date(now.getTime() - 3600_000)));
  const [row] = await ctx.db
    .insert(buyerLoginCodes)
    .values({
      code: generateCode(),
      botId: bot.id,
      browserKeyHash: hashBrowserKey(input.browserKey),
      expiresAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { code: row.code, botUsername: bot.username, expiresAt };
}

/** A code the bot may ask its user about: this bot's, still pending and in time. */
export async function findPendingBuyerLogin(ctx: CoreContext, input: { code: string; botId: string }) {
  const [row] = await ctx.db
    .select()
    .from(buyerLoginCodes)
    .where(
      and(
        eq(buyerLoginCodes.code, input.code),
        eq(buyerLoginCodes.botId, input.botId),
        eq(buyerLoginCodes.status, "pending"),
        gt(buyerLoginCodes.expiresAt, ctx.clock.now()),
      ),
    );
  return row;
}

/**
 * The Telegram user answers "sign in on a new device?". Only a pending code in time changes,
 * once: a second answer, or an answer after expiry, is refused and changes nothing.
 */
export async function decideBuyerLogin(
  ctx: CoreContext,
  input: { code: string; botId: string; userId: string; approve: boolean },
): Promise<"confirmed" | "denied"> {
  const now = ctx.clock.now();
  const status = input.approve ? "confirmed" : "denied";
  const [row] = await ctx.db
    .update(buyerLoginCodes)
    .set({ status, userId: input.userId, decidedAt: now, updatedAt: now })
    .where(
      and(
        eq(buyerLoginCodes.code, input.code),
        eq(buyerLoginCodes.botId, input.botId),
        eq(buyerLoginCodes.status, "pending"),
        gt(buyerLoginCodes.expiresAt, now),
      ),
    )
    .returning({ id: buyerLoginCodes.id });
  if (!row) throw new LumenError("CONFLICT", "This sign-in code was already answered or has expired");
  return status;
}

export type BuyerLoginPoll =
  | { status: Exclude<BuyerLoginStatus, "confirmed" | "used"> | "expired" }
  | ({ status: "confirmed" } & BuyerTokens);

/**
 * What the waiting browser learns. A confirmed code is exchanged for a session exactly once (the
 * update from confirmed to used is the lock); another browser's key finds nothing.
 */
export async function pollBuyerLogin(
  ctx: CoreContext,
  key: Uint8Array,
  input: { code: string; browserKey: string; userAgent?: string | null },
): Promise<BuyerLoginPoll> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select()
    .from(buyerLoginCodes)
    .where(
      and(
        eq(buyerLoginCodes.code, input.code),
        eq(buyerLoginCodes.browserKeyHash, hashBrowserKey(input.browserKey)),
      ),
    );
  if (!row || row.status === "used") throw notFound("Sign-in code");
  if (row.status === "denied") return { status: "denied" };
  if (row.status === "pending") return { status: row.expiresAt <= now ? "expired" : "pending" };
  return ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(buyerLoginCodes)
      .set({ status: "used", updatedAt: now })
      .where(and(eq(buyerLoginCodes.id, row.id), eq(buyerLoginCodes.status, "confirmed")))
      .returning();
    if (!claimed?.userId) throw notFound("Sign-in code");
    const tokens = await openBuyerSession({ ...ctx, db: tx }, key, {
      userId: claimed.userId,
      botId: claimed.botId,
      userAgent: input.userAgent ?? null,
    });
    return { status: "confirmed" as const, ...tokens };
  });
}
