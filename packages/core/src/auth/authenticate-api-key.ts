import { apiKeys } from "@lumen/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { hashApiKey } from "./api-key-secret.ts";
import type { Principal } from "./principal.ts";

const STAMP_EVERY_MS = 60_000;

/**
 * Looks the key up by its hash. The last-use stamp is written at most once a minute,
 * so a busy integration does not turn every authenticated read into a write.
 */
export async function authenticateApiKey(ctx: CoreContext, key: string): Promise<Principal> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashApiKey(key)));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new LumenError("UNAUTHENTICATED", "The API key is unknown, revoked or expired");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= STAMP_EVERY_MS) {
    const staleBefore = new Date(now.getTime() - STAMP_EVERY_MS);
    await ctx.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))),
      );
  }
  return { kind: "api_key", keyId: row.id, name: row.name, role: row.role };
}
