import { createHash, randomInt } from "node:crypto";
import { type AdminRole, admins, bots, operatorLinkCodes } from "@lumen/db";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { requireRole } from "./roles.ts";

/** Long enough to open Telegram on a phone and press Start; short enough that a leaked code is stale. */
export const OPERATOR_LINK_TTL_MS = 10 * 60_000;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 12;

const hashCode = (code: string) => createHash("sha256").update(code.toUpperCase()).digest("hex");

export type LinkedOperator = { id: string; email: string; role: AdminRole };

/**
 * A code for the signed-in operator to send to any of the installation's bots as
 * `/start op_<code>`. A new code replaces the operator's earlier ones.
 */
export async function startOperatorTelegramLink(
  ctx: CoreContext,
  actor: Actor,
): Promise<{ code: string; expiresAt: Date; bots: { username: string }[] }> {
  if (actor.type !== "admin" || !actor.id) {
    throw new LumenError("FORBIDDEN", "Only an operator signed in to the panel can link a Telegram account");
  }
  const now = ctx.clock.now();
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + OPERATOR_LINK_TTL_MS);
  const adminId = actor.id;
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(operatorLinkCodes)
      .where(or(eq(operatorLinkCodes.adminId, adminId), lt(operatorLinkCodes.expiresAt, now)));
    await tx
      .insert(operatorLinkCodes)
      .values({ codeHash: hashCode(code), adminId, expiresAt, createdAt: now });
  });
  const enabled = await ctx.db.select({ username: bots.username }).from(bots).where(eq(bots.enabled, true));
  return { code, expiresAt, bots: enabled };
}

/**
 * The bot received `/start op_<code>` from a Telegram account: the code is used up and the account
 * becomes the operator's. Refused (CONFLICT) for an unknown or expired code, and for an account
 * already linked to another operator, so one person is never two operators at once.
 */
export async function linkOperatorTelegram(
  ctx: CoreContext,
  input: { code: string; telegramUserId: number },
): Promise<LinkedOperator> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [used] = await tx
      .delete(operatorLinkCodes)
      .where(and(eq(operatorLinkCodes.codeHash, hashCode(input.code)), gt(operatorLinkCodes.expiresAt, now)))
      .returning({ adminId: operatorLinkCodes.adminId });
    if (!used)
      throw new LumenError("CONFLICT", "This link code is unknown or has expired", { field: "code" });
    const [other] = await tx
      .select({ id: admins.id })
      .from(admins)
      .where(eq(admins.telegramUserId, input.telegramUserId));
    if (other && other.id !== used.adminId) {
      throw new LumenError("CONFLICT", "This Telegram account is linked to another operator", {
        field: "code",
      });
    }
    const [linked] = await tx
      .update(admins)
      .set({ telegramUserId: input.telegramUserId, updatedAt: now })
      .where(and(eq(admins.id, used.adminId), isNull(admins.disabledAt)))
      .returning({ id: admins.id, email: admins.email, role: admins.role });
    if (!linked) throw new LumenError("CONFLICT", "This operator is disabled", { field: "code" });
    await recordAudit(
      tx,
      { type: "admin", id: linked.id, role: linked.role },
      {
        action: "operator.telegram_linked",
        entityType: "admin",
        entityId: linked.id,
        data: { telegramUserId: input.telegramUserId },
      },
    );
    return linked;
  });
}

/** The enabled operator behind a Telegram account, or null: how bots recognise reviewers, assistants and admins. */
export async function findOperatorByTelegramId(
  ctx: CoreContext,
  telegramUserId: number,
): Promise<LinkedOperator | null> {
  const [row] = await ctx.db
    .select({ id: admins.id, email: admins.email, role: admins.role })
    .from(admins)
    .where(and(eq(admins.telegramUserId, telegramUserId), isNull(admins.disabledAt)));
  return row ?? null;
}

/** Unlinks an operator's Telegram account: their own, or anyone's for an owner. */
export async function unlinkOperatorTelegram(ctx: CoreContext, actor: Actor, adminId: string): Promise<void> {
  if (actor.id !== adminId) requireRole(actor, "owner");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(admins)
      .set({ telegramUserId: null, updatedAt: ctx.clock.now() })
      .where(eq(admins.id, adminId))
      .returning({ id: admins.id });
    if (!row) throw notFound("Operator", adminId);
    await recordAudit(tx, actor, {
      action: "operator.telegram_unlinked",
      entityType: "admin",
      entityId: adminId,
    });
  });
}
