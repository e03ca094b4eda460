import { adminRoles, admins } from "@lumen/db";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { endSessionsOf, type OperatorView, readOperator } from "./operators.ts";
import { requireRole } from "./roles.ts";

const changeOperatorInput = z.object({
  adminId: z.uuid(),
  role: z.enum(adminRoles).optional(),
  disabled: z.boolean().optional(),
});

/**
 * Changes an operator's role or turns the account off or on. Disabling ends every session at
 * once. The installation always keeps one enabled owner: the last one can be neither demoted
 * nor disabled (owners are locked in the transaction, so two owners demoting each other at
 * once cannot both succeed).
 */
export async function changeOperator(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof changeOperatorInput>,
): Promise<OperatorView> {
  requireRole(actor, "owner");
  const { adminId, role, disabled } = parseInput(changeOperatorInput, input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const owners = await tx
      .select({ id: admins.id })
      .from(admins)
      .where(and(eq(admins.role, "owner"), isNull(admins.disabledAt)))
      .for("update");
    const [target] = await tx.select().from(admins).where(eq(admins.id, adminId)).for("update");
    if (!target) throw notFound("Operator", adminId);
    const losesOwner = (role !== undefined && role !== "owner") || disabled === true;
    if (losesOwner && owners.length === 1 && owners[0]?.id === target.id) {
      throw new LumenError("CONFLICT", "This is the last owner; make another owner first", {
        field: disabled === true ? "disabled" : "role",
      });
    }
    const disabledAt =
      disabled === undefined ? target.disabledAt : disabled ? (target.disabledAt ?? now) : null;
    await tx
      .update(admins)
      .set({ role: role ?? target.role, disabledAt, updatedAt: now })
      .where(eq(admins.id, adminId));
    if (role !== undefined && role !== target.role)
      await recordAudit(tx, actor, {
        action: "admin.role",
        entityType: "admin",
        entityId: adminId,
        data: { email: target.email, from: target.role, to: role },
      });
    if (disabled !== undefined && disabled !== (target.disabledAt !== null)) {
      const sessionsEnded = disabled ? await endSessionsOf(tx, adminId, now) : 0;
      await recordAudit(tx, actor, {
        action: disabled ? "admin.disable" : "admin.enable",
        entityType: "admin",
        entityId: adminId,
        data: { email: target.email, ...(disabled ? { sessionsEnded } : {}) },
      });
    }
  });
  return readOperator(ctx, adminId);
}
