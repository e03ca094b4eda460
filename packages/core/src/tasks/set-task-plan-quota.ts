import { taskPlanQuotas } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";

const input = z.object({
  planCode: z.string().min(1).max(100),
  /** null removes tasks from the plan. */
  tasksPerPeriod: z.number().int().min(1).max(1_000_000).nullable(),
  priorityAllowed: z.boolean().default(false),
});

export type SetTaskPlanQuotaInput = z.input<typeof input>;

/** Says how many tasks a plan gives per period; plans are matched by code, so renewals keep it. */
export async function setTaskPlanQuota(ctx: CoreContext, actor: Actor, raw: SetTaskPlanQuotaInput) {
  requireRole(actor, "admin");
  const data = parseInput(input, raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (data.tasksPerPeriod === null) {
      await tx.delete(taskPlanQuotas).where(eq(taskPlanQuotas.planCode, data.planCode));
    } else {
      const values = {
        planCode: data.planCode,
        tasksPerPeriod: data.tasksPerPeriod,
        priorityAllowed: data.priorityAllowed,
        updatedAt: now,
      };
      await tx
        .insert(taskPlanQuotas)
        .values(values)
        .onConflictDoUpdate({ target: taskPlanQuotas.planCode, set: values });
    }
    await recordAudit(tx, actor, {
      action: "tasks.plan_quota_set",
      entityType: "plan",
      entityId: data.planCode,
      data,
    });
  });
}

export async function listTaskPlanQuotas(ctx: CoreContext) {
  return ctx.db.select().from(taskPlanQuotas).orderBy(taskPlanQuotas.planCode);
}
