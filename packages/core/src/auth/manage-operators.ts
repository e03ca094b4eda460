import type { AdminRole } from "@lumen/db";
import type { Actor, CoreContext } from "../shared/context.ts";
import { createAdmin } from "./create-admin.ts";
import { generateTemporaryPassword, type OperatorView, readOperator, readOperators } from "./operators.ts";
import { requireRole } from "./roles.ts";
/** Operators and their open sessions, for the owner. */
export async function listOperators(ctx: CoreContext, actor: Actor): Promise<OperatorView[]> {
  requireRole(actor, "owner");
  return readOperators(ctx);
}

/**
 * A new operator with a temporary password, returned once for the owner to hand over (the
 * operator then changes it). No mail server is needed, and nothing usable is stored in clear.
 */
export async function inviteOperator(
  ctx: CoreContext,
  actor: Actor,
  input: { email: string; role: AdminRole },
): Promise<{ operator: OperatorView; temporaryPassword: string }> {
  requireRole(actor, "owner");
  const temporaryPassword = generateTemporaryPassword();
  const created = await createAdmin(ctx, actor, { ...input, password: temporaryPassword });
  return { operator: await readOperator(ctx, created.id), temporaryPassword };
}
