import { type BroadcastRow, bots, broadcasts } from "@lumen/db";
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import {
  type BroadcastInput,
  broadcastInput,
  parseBroadcastInput,
  segmentProblem,
} from "./broadcast-input.ts";

/** Telegram's free limit is about 30 messages/s per bot; above it the operator pays per message. */
export const FREE_RATE_LIMIT = 30;

function checkBroadcast(input: z.output<typeof broadcastInput>): void {
  const problem = segmentProblem(input);
  if (problem) throw validationFailed(problem.field, problem.message);
  if (input.ratePerSecond > FREE_RATE_LIMIT && !input.allowPaidBroadcast)
    throw validationFailed(
      "rate_per_second",
      `above ${FREE_RATE_LIMIT} messages/s Telegram charges for paid broadcasts: turn allow_paid_broadcast on`,
    );
}

async function requireBot(ctx: CoreContext, botId: string): Promise<void> {
  const [bot] = await ctx.db.select({ id: bots.id }).from(bots).where(eq(bots.id, botId));
  if (!bot) throw validationFailed("bot_id", "no such bot");
}

/** An operator drafts a broadcast; nothing is sent until it is scheduled. */
export async function createBroadcast(
  ctx: CoreContext,
  actor: Actor,
  input: BroadcastInput,
): Promise<BroadcastRow> {
  requireRole(actor, "operator");
  const values = parseBroadcastInput(broadcastInput, input);
  checkBroadcast(values);
  await requireBot(ctx, values.botId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(broadcasts)
      .values({ ...values, createdById: actor.id })
      .returning();
    if (!row) throw new LumenError("INTERNAL", "The broadcast was not saved");
    await recordAudit(tx, actor, {
      action: "broadcast.create",
      entityType: "broadcast",
      entityId: row.id,
      data: { segment: row.segment, botId: row.botId },
    });
    return row;
  });
}

/** A draft or a scheduled broadcast can still be edited; once sending has started it cannot. */
export async function updateBroadcast(
  ctx: CoreContext,
  actor: Actor,
  broadcastId: string,
  input: BroadcastInput,
): Promise<BroadcastRow> {
  requireRole(actor, "operator");
  const values = parseBroadcastInput(broadcastInput, input);
  checkBroadcast(values);
  await requireBot(ctx, values.botId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(broadcasts)
      .set({ ...values, updatedAt: ctx.clock.now() })
      .where(and(eq(broadcasts.id, broadcastId), inArray(broadcasts.status, ["draft", "scheduled"])))
      .returning();
    if (!row) {
      await getBroadcast(tx, broadcastId);
      throw new LumenError("CONFLICT", "Only a draft or scheduled broadcast can be edited");
    }
    await recordAudit(tx, actor, { action: "broadcast.update", entityType: "broadcast", entityId: row.id });
    return row;
  });
}

export async function getBroadcast(db: CoreContext["db"], broadcastId: string): Promise<BroadcastRow> {
  const parsed = z.uuid().safeParse(broadcastId);
  if (!parsed.success) throw notFound("Broadcast", broadcastId);
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.id, broadcastId));
  if (!row) throw notFound("Broadcast", broadcastId);
  return row;
}

const listInput = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  /** The created_at|id of the last row of the previous page. */
  before: z.object({ createdAt: z.coerce.date(), id: z.uuid() }).optional(),
});

/** Newest first, a page at a time. */
export async function listBroadcasts(
  ctx: CoreContext,
  input: z.input<typeof listInput> = {},
): Promise<{ items: BroadcastRow[]; hasMore: boolean }> {
  const { limit, before } = parseInput(listInput, input);
  const rows = await ctx.db
    .select()
    .from(broadcasts)
    .where(
      before
        ? or(
            lt(broadcasts.createdAt, before.createdAt),
            and(eq(broadcasts.createdAt, before.createdAt), lt(broadcasts.id, before.id)),
          )
        : undefined,
    )
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}
