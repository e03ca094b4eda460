import { adminSessions, admins } from "@lumen/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import type { Principal } from "./principal.ts";
import { readSessionToken } from "./session-token.ts";

/** A valid signature is not enough: the session must still be open and its operator enabled. */
export async function resolveSession(ctx: CoreContext, key: Uint8Array, token: string): Promise<Principal> {
  const now = ctx.clock.now();
  const claims = await readSessionToken(key, token, now);
  const [row] = await ctx.db
    .select({ sessionId: adminSessions.id, adminId: admins.id, email: admins.email, role: admins.role })
    .from(adminSessions)
    .innerJoin(admins, eq(admins.id, adminSessions.adminId))
    .where(
      and(
        eq(adminSessions.id, claims.sessionId),
        eq(adminSessions.adminId, claims.adminId),
        isNull(adminSessions.revokedAt),
        gt(adminSessions.expiresAt, now),
        isNull(admins.disabledAt),
      ),
    );
  if (!row) throw new LumenError("UNAUTHENTICATED", "The session has ended; log in again");
  return { kind: "admin", ...row };
}
