import { apiKeys } from "@lumen/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { requireRole } from "./roles.ts";

/** Keys without their hashes: what an owner needs to recognise and revoke them. */
export async function listApiKeys(ctx: CoreContext, actor: Actor) {
  requireRole(actor, "owner");
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt));
}

/** Revoking twice is not an error: the key is revoked either way. */
export async function revokeApiKey(ctx: CoreContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "owner");
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [key] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
    if (!key) throw notFound("API key", id);
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (revoked.length)
      await recordAudit(tx, actor, { action: "api_key.revoke", entityType: "api_key", entityId: id });
  });
}
