import { adminSessions } from "@lumen/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";

/** Ends the session at once: the JWT that names it stops working before it expires. */
export async function logOut(ctx: CoreContext, actor: Actor, sessionId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(adminSessions)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(adminSessions.id, sessionId), isNull(adminSessions.revokedAt)))
      .returning({ id: adminSessions.id });
    if (ended.length)
      await recordAudit(tx, actor, {
        action: "auth.logout",
        entityType: "admin_session",
        entityId: sessionId,
      });
  });
}
