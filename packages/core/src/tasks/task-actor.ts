import { admins, type Database } from "@lumen/db";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";

/**
 * The assistant an operator's action is done as: the operator themself, or, for an API key or
 * an admin acting for someone, the operator named. Tasks are credited to operators, never keys.
 */
export async function resolveAssistant(
  db: Database,
  actor: Actor,
  assigneeId?: string | null,
): Promise<string> {
  requireRole(actor, "assistant");
  const id = assigneeId ?? (actor.type === "admin" ? actor.id : null);
  if (!id)
    throw new LumenError("VALIDATION_FAILED", "assigneeId: name the assistant", { field: "assigneeId" });
  if (id !== actor.id) requireRole(actor, "operator");
  const [operator] = await db
    .select({ id: admins.id, role: admins.role })
    .from(admins)
    .where(and(eq(admins.id, id), isNull(admins.disabledAt)));
  if (!operator)
    throw new LumenError("VALIDATION_FAILED", "assigneeId: no such operator", { field: "assigneeId" });
  return operator.id;
}

/** An assistant may only work on their own tasks; operators and up on any. */
export function requireOwnTask(actor: Actor, assigneeId: string | null): void {
  requireRole(actor, "assistant");
  if (actor.role === "assistant" && assigneeId !== actor.id) {
    throw new LumenError("FORBIDDEN", "This task is another assistant's");
  }
}

/** Who a task can be given to (the panel's reassign list): active operators, assistants first. */
export async function listTaskAssignees(db: Database, actor: Actor) {
  requireRole(actor, "operator");
  const rows = await db
    .select({ id: admins.id, email: admins.email, role: admins.role })
    .from(admins)
    .where(isNull(admins.disabledAt))
    .orderBy(admins.email);
  return [...rows.filter((r) => r.role === "assistant"), ...rows.filter((r) => r.role !== "assistant")];
}

/** Assistants who can work from Telegram (their account is linked): whom a task is handed over to in the bot. */
export async function listLinkedAssistants(db: Database) {
  return db
    .select({ id: admins.id, email: admins.email, telegramUserId: admins.telegramUserId })
    .from(admins)
    .where(and(eq(admins.role, "assistant"), isNull(admins.disabledAt), isNotNull(admins.telegramUserId)))
    .orderBy(admins.email);
}
