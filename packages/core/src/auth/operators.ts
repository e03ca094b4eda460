import { randomBytes } from "node:crypto";
import { type AdminRole, adminSessions, admins, type Database } from "@lumen/db";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";

export type OperatorView = {
  id: string;
  email: string;
  role: AdminRole;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** The linked Telegram account, if any (see operator-telegram.ts). */
  telegramUserId: number | null;
  /** Sessions that would still let this operator in right now. */
  activeSessions: number;
};

/** 16 url-safe characters (96 random bits): shown to the owner once, never stored in clear. */
export const generateTemporaryPassword = (): string => randomBytes(12).toString("base64url");

export async function readOperators(ctx: CoreContext, adminId?: string): Promise<OperatorView[]> {
  const now = ctx.clock.now();
  const live = ctx.db
    .select({ adminId: adminSessions.adminId, count: sql<number>`count(*)::int`.as("count") })
    .from(adminSessions)
    .where(and(isNull(adminSessions.revokedAt), gt(adminSessions.expiresAt, now)))
    .groupBy(adminSessions.adminId)
    .as("live");
  const rows = await ctx.db
    .select({
      id: admins.id,
      email: admins.email,
      role: admins.role,
      disabledAt: admins.disabledAt,
      lastLoginAt: admins.lastLoginAt,
      createdAt: admins.createdAt,
      telegramUserId: admins.telegramUserId,
      activeSessions: sql<number>`coalesce(${live.count}, 0)`,
    })
    .from(admins)
    .leftJoin(live, eq(live.adminId, admins.id))
    .where(adminId ? eq(admins.id, adminId) : undefined)
    .orderBy(asc(admins.createdAt), asc(admins.email));
  return rows.map((row) => ({ ...row, activeSessions: Number(row.activeSessions) }));
}

export async function readOperator(ctx: CoreContext, adminId: string): Promise<OperatorView> {
  const [row] = await readOperators(ctx, adminId);
  if (!row) throw notFound("Operator", adminId);
  return row;
}

/** Ends every open session of the operator at once; returns how many were open. */
export async function endSessionsOf(db: Database, adminId: string, now: Date): Promise<number> {
  const ended = await db
    .update(adminSessions)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(adminSessions.adminId, adminId), isNull(adminSessions.revokedAt)))
    .returning({ id: adminSessions.id });
  return ended.length;
}
