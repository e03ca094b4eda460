import { type AdminRole, apiKeys, definePreparedSql, runPreparedSql } from "@lumen/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { hashApiKey } from "./api-key-secret.ts";
import type { Principal } from "./principal.ts";

const STAMP_EVERY_MS = 60_000;

type KeyRow = { id: string; name: string; role: AdminRole; usable: boolean; stale: boolean };

/**
 * Plain SQL by name, not Drizzle: every API request (the AI question above all) starts here,
 * and the statement is parsed once per connection (issue 13; see runPreparedSql). The checks
 * are made in the statement, so only text and booleans come back.
 */
const findApiKeySql = definePreparedSql(
  "lumen_find_api_key_v1",
  `select id, name, role,
    (revoked_at is null and (expires_at is null or expires_at > $2::timestamptz)) as usable,
    (last_used_at is null or last_used_at < $3::timestamptz) as stale
  from api_keys where key_hash = $1::text`,
);

/**
 * Looks the key up by its hash. The last-use stamp is written at most once a minute,
 * so a busy integration does not turn every authenticated read into a write.
 */
export async function authenticateApiKey(ctx: CoreContext, key: string): Promise<Principal> {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - STAMP_EVERY_MS);
  const [row] = await runPreparedSql<KeyRow>(ctx.db, findApiKeySql, [hashApiKey(key), now, staleBefore]);
  if (!row?.usable) {
    throw new LumenError("UNAUTHENTICATED", "The API key is unknown, revoked or expired");
  }
  if (row.stale) {
    await ctx.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))),
      );
  }
  return { kind: "api_key", keyId: row.id, name: row.name, role: row.role };
}
