import { type AdminRole, adminRoles, admins } from "@lumen/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";
import { requireRole } from "./roles.ts";

const createAdminInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`),
  role: z.enum(adminRoles).default("owner"),
});

export type CreatedAdmin = { id: string; email: string; role: AdminRole; createdAt: Date };

/** Only an owner (or the CLI on the server itself) may make operators, so roles cannot be self-granted. */
export async function createAdmin(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof createAdminInput>,
): Promise<CreatedAdmin> {
  requireRole(actor, "owner");
  const { email, password, role } = parseInput(createAdminInput, input);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: admins.id })
      .from(admins)
      .where(sql`lower(${admins.email}) = ${email}`);
    if (existing.length)
      throw new LumenError("CONFLICT", `An operator with email ${email} already exists`, { field: "email" });
    const [row] = await tx.insert(admins).values({ email, passwordHash, role }).returning();
    if (!row) throw validationFailed("email", "Could not create the operator");
    await recordAudit(tx, actor, {
      action: "admin.create",
      entityType: "admin",
      entityId: row.id,
      data: { email, role },
    });
    return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt };
  });
}
