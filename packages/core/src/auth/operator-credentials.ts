import { adminSessions, admins } from "@lumen/db";
import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { endSessionsOf, generateTemporaryPassword, type OperatorView, readOperator } from "./operators.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords.ts";
import { requireRole } from "./roles.ts";

/** A new temporary password, shown once; every session of the operator ends with the old one. */
export async function resetOperatorPassword(
  ctx: CoreContext,
  actor: Actor,
  adminId: string,
): Promise<{ operator: OperatorView; temporaryPassword: string }> {
  requireRole(actor, "owner");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(admins)
      .set({ passwordHash, updatedAt: now })
      .where(eq(admins.id, adminId))
      .returning({ email: admins.email });
    if (!row) throw notFound("Operator", adminId);
    const sessionsEnded = await endSessionsOf(tx, adminId, now);
    await recordAudit(tx, actor, {
      action: "admin.password_reset",
      entityType: "admin",
      entityId: adminId,
      data: { email: row.email, sessionsEnded },
    });
  });
  return { operator: await readOperator(ctx, adminId), temporaryPassword };
}

/** Signs the operator out everywhere (a lost laptop), without changing anything else. */
export async function revokeOperatorSessions(
  ctx: CoreContext,
  actor: Actor,
  adminId: string,
): Promise<{ operator: OperatorView; sessionsEnded: number }> {
  requireRole(actor, "owner");
  const sessionsEnded = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ email: admins.email }).from(admins).where(eq(admins.id, adminId));
    if (!row) throw notFound("Operator", adminId);
    const ended = await endSessionsOf(tx, adminId, ctx.clock.now());
    await recordAudit(tx, actor, {
      action: "admin.sessions_revoke",
      entityType: "admin",
      entityId: adminId,
      data: { email: row.email, sessionsEnded: ended },
    });
    return ended;
  });
  return { operator: await readOperator(ctx, adminId), sessionsEnded };
}

const changeOwnPasswordInput = z.object({
  adminId: z.uuid(),
  /** The session making the change stays open; every other one ends. */
  sessionId: z.uuid(),
  currentPassword: z.string().min(1),
  newPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
});

/** An operator replaces their password (a temporary one first of all), knowing the current one. */
export async function changeOwnPassword(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof changeOwnPasswordInput>,
): Promise<void> {
  const { adminId, sessionId, currentPassword, newPassword } = parseInput(changeOwnPasswordInput, input);
  if (actor.type !== "admin" || actor.id !== adminId)
    throw new LumenError("FORBIDDEN", "Only the operator may change their own password");
  const [row] = await ctx.db.select().from(admins).where(eq(admins.id, adminId));
  if (!row) throw notFound("Operator", adminId);
  if (!(await verifyPassword(row.passwordHash, currentPassword)))
    throw new LumenError("VALIDATION_FAILED", "The current password is wrong", { field: "currentPassword" });
  if (currentPassword === newPassword)
    throw new LumenError("VALIDATION_FAILED", "Choose a password different from the current one", {
      field: "newPassword",
    });
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(admins).set({ passwordHash, updatedAt: now }).where(eq(admins.id, adminId));
    const others = await tx
      .update(adminSessions)
      .set({ revokedAt: now, updatedAt: now })
      .where(
        and(
          eq(adminSessions.adminId, adminId),
          ne(adminSessions.id, sessionId),
          isNull(adminSessions.revokedAt),
        ),
      )
      .returning({ id: adminSessions.id });
    await recordAudit(tx, actor, {
      action: "admin.password_change",
      entityType: "admin",
      entityId: adminId,
      data: { otherSessionsEnded: others.length },
    });
  });
}
