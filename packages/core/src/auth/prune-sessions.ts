import { adminSessions } from "@lumen/db";
import { lt, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

/** Kept a while after they end so a login history can be read; then deleted. */
export const SESSION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Deletes sessions that expired or were revoked more than the retention period ago. */
export async function pruneSessions(ctx: CoreContext): Promise<{ deleted: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - SESSION_RETENTION_MS);
  const deleted = await ctx.db
    .delete(adminSessions)
    .where(or(lt(adminSessions.expiresAt, cutoff), lt(adminSessions.revokedAt, cutoff)))
    .returning({ id: adminSessions.id });
  return { deleted: deleted.length };
}
