import { adminSessions, admins } from "@lumen/db";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import type { Principal } from "./principal.ts";
import { readSessionToken } from "./session-token.ts";

/** SESSION_IDLE_TIMEOUT_MINUTES' default: a panel left alone for an hour asks for the password again. */
export const SESSION_IDLE_TIMEOUT_MS = 60 * 60_000;

/**
 * How stale `last_seen_at` may get before a request writes it again: an active session costs
 * one small write a minute, not one per request, and idleness is measured to within a minute.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * A valid signature is not enough: the session must still be open, used within the idle timeout
 * (its absolute end stays as well) and its operator enabled. Using it keeps it alive.
 */
export async function resolveSession(
  ctx: CoreContext,
  key: Uint8Array,
  token: string,
  options: { idleTimeoutMs?: number } = {},
): Promise<Principal> {
  const now = ctx.clock.now();
  const claims = await readSessionToken(key, token, now);
  const idleSince = new Date(now.getTime() - (options.idleTimeoutMs ?? SESSION_IDLE_TIMEOUT_MS));
  const [row] = await ctx.db
    .select({
      sessionId: adminSessions.id,
      adminId: admins.id,
      email: admins.email,
      role: admins.role,
      telegramUserId: admins.telegramUserId,
    })
    .from(adminSessions)
    .innerJoin(admins, eq(admins.id, adminSessions.adminId))
    .where(
      and(
        eq(adminSessions.id, claims.sessionId),
        eq(adminSessions.adminId, claims.adminId),
        isNull(adminSessions.revokedAt),
        gt(adminSessions.expiresAt, now),
        sql`coalesce(${adminSessions.lastSeenAt}, ${adminSessions.createdAt}) > ${idleSince.toISOString()}::timestamptz`,
        isNull(admins.disabledAt),
      ),
    );
  if (!row) throw new LumenError("UNAUTHENTICATED", "The session has ended; log in again");
  await touchSession(ctx, row.sessionId, now);
  return { kind: "admin", ...row };
}

/** Writes only when the last mark is a minute old, so concurrent requests mostly write nothing. */
async function touchSession(ctx: CoreContext, sessionId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS);
  await ctx.db
    .update(adminSessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(adminSessions.id, sessionId),
        or(isNull(adminSessions.lastSeenAt), lt(adminSessions.lastSeenAt, staleBefore)),
      ),
    );
}
