import { type BroadcastRow, type BroadcastStatus, broadcasts } from "@lumen/db";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getBroadcast } from "./manage-broadcasts.ts";

/**
 * Moves a broadcast from the statuses in `from` to `to` (one statement, so two operators pressing
 * at once change it once), audited; a send job is queued on the same transaction when work is due.
 */
async function transition(
  ctx: CoreContext,
  actor: Actor,
  broadcastId: string,
  from: BroadcastStatus[],
  to: BroadcastStatus,
  extra: Partial<BroadcastRow> = {},
): Promise<BroadcastRow> {
  requireRole(actor, "operator");
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const current = await getBroadcast(tx, broadcastId);
    const [row] = await tx
      .update(broadcasts)
      .set({ ...extra, status: to, updatedAt: now })
      .where(and(eq(broadcasts.id, broadcastId), inArray(broadcasts.status, from)))
      .returning();
    if (!row) throw new LumenError("CONFLICT", `A ${current.status} broadcast cannot become ${to}`);
    await recordAudit(tx, actor, {
      action: `broadcast.${to}`,
      entityType: "broadcast",
      entityId: broadcastId,
      data: extra.scheduledAt ? { scheduledAt: extra.scheduledAt.toISOString() } : {},
    });
    const due =
      to === "sending" || (to === "scheduled" && (row.scheduledAt?.getTime() ?? 0) <= now.getTime());
    if (due) await queueJob(ctx, tx, "broadcasts.send", { broadcastId, round: `${to}:${now.getTime()}` });
    return row;
  });
}

const scheduleInput = z.object({ at: z.coerce.date().optional() });

/** Sends at `at` (or now): the minute sweep starts it when due, and a send job starts it at once when already due. */
export async function scheduleBroadcast(
  ctx: CoreContext,
  actor: Actor,
  broadcastId: string,
  input: z.input<typeof scheduleInput> = {},
): Promise<BroadcastRow> {
  const { at } = parseInput(scheduleInput, input);
  const now = ctx.clock.now();
  const scheduledAt = at && at > now ? at : now;
  return transition(ctx, actor, broadcastId, ["draft", "scheduled"], "scheduled", { scheduledAt });
}

/** Back to a draft before it starts (to edit it or keep it for later). */
export const unscheduleBroadcast = (ctx: CoreContext, actor: Actor, broadcastId: string) =>
  transition(ctx, actor, broadcastId, ["scheduled"], "draft", { scheduledAt: null });

/** Workers stop between two messages; nobody is skipped, the rest wait for resume. */
export const pauseBroadcast = (ctx: CoreContext, actor: Actor, broadcastId: string) =>
  transition(ctx, actor, broadcastId, ["sending"], "paused");

export const resumeBroadcast = (ctx: CoreContext, actor: Actor, broadcastId: string) =>
  transition(ctx, actor, broadcastId, ["paused"], "sending");

/** Stops for good: recipients not reached yet are never sent to. */
export const cancelBroadcast = (ctx: CoreContext, actor: Actor, broadcastId: string) =>
  transition(ctx, actor, broadcastId, ["draft", "scheduled", "sending", "paused"], "cancelled", {
    finishedAt: ctx.clock.now(),
  });
