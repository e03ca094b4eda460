import { type UserRow, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound, validationFailed } from "../shared/errors.ts";

export type UpdateUserInput = { userId: string; locale?: string; isBanned?: boolean };

/** An operator's change to a user (language, ban). Audited; banning needs the admin role. */
export async function updateUser(ctx: CoreContext, actor: Actor, input: UpdateUserInput): Promise<UserRow> {
  requireRole(actor, input.isBanned === undefined ? "operator" : "admin");
  if (input.locale !== undefined && !["en", "ru"].includes(input.locale))
    throw validationFailed("locale", "must be en or ru");
  const changes = {
    ...(input.locale === undefined ? {} : { locale: input.locale }),
    ...(input.isBanned === undefined ? {} : { isBanned: input.isBanned }),
  };
  const blockedAt =
    input.isBanned === undefined ? {} : { blockedAt: input.isBanned ? ctx.clock.now() : null };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ ...changes, ...blockedAt, updatedAt: ctx.clock.now() })
      .where(eq(users.id, input.userId))
      .returning();
    if (!row) throw notFound("User", input.userId);
    await recordAudit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: row.id,
      data: changes,
    });
    return row;
  });
}
