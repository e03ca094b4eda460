import { type AdminRole, adminSessions, admins } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";

export type LogInInput = { email: string; password: string; ip?: string | null; userAgent?: string | null };
export type LoggedIn = {
  admin: { id: string; email: string; role: AdminRole };
  session: { id: string; expiresAt: Date };
};

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const wrongCredentials = () => new LumenError("UNAUTHENTICATED", "Wrong email or password");

/** A failed attempt is kept in the audit log (who tried which account, from where), never the password. */
async function auditFailedLogin(
  ctx: CoreContext,
  email: string,
  adminId: string | null,
  reason: string,
  ip: string | null | undefined,
): Promise<void> {
  await recordAudit(
    ctx.db,
    { type: "anonymous", id: null, role: "operator", ip: ip ?? null },
    { action: "auth.login_failed", entityType: "admin", entityId: adminId, data: { email, reason } },
  );
}

/**
 * Checks the password and opens a session row. Unknown emails cost the same argon2
 * verification as known ones, so response time does not tell which emails exist.
 */
export async function logIn(ctx: CoreContext, input: LogInInput): Promise<LoggedIn> {
  const email = input.email.trim().toLowerCase();
  const [admin] = await ctx.db.select().from(admins).where(sql`lower(${admins.email}) = ${email}`);
  const ok = await verifyPassword(admin?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!admin || !ok) {
    await auditFailedLogin(ctx, email, admin?.id ?? null, "wrong_credentials", input.ip);
    throw wrongCredentials();
  }
  if (admin.disabledAt) {
    await auditFailedLogin(ctx, email, admin.id, "disabled", input.ip);
    throw new LumenError("FORBIDDEN", "This operator account is disabled");
  }

  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  return ctx.db.transaction(async (tx) => {
    const [session] = await tx
      .insert(adminSessions)
      .values({
        adminId: admin.id,
        ip: input.ip ?? null,
        userAgent: input.userAgent ?? null,
        expiresAt,
        lastSeenAt: now,
      })
      .returning({ id: adminSessions.id });
    if (!session) throw new LumenError("INTERNAL", "Could not open a session");
    await tx.update(admins).set({ lastLoginAt: now, updatedAt: now }).where(eq(admins.id, admin.id));
    await recordAudit(
      tx,
      { type: "admin", id: admin.id, role: admin.role, ip: input.ip ?? null },
      { action: "auth.login", entityType: "admin_session", entityId: session.id },
    );
    return {
      admin: { id: admin.id, email: admin.email, role: admin.role },
      session: { id: session.id, expiresAt },
    };
  });
}
