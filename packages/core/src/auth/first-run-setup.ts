import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { admins } from "@lumen/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";

/**
 * First run without a shell: while no operator exists, the web panel may create the owner, but only
 * with a one-time code the server printed in its own log at start. A stranger who reaches a fresh
 * public server first cannot read that log, so cannot win the race to become its owner.
 */

/** 20 base32 characters (100 bits) in groups of four, easy to copy from a log line. */
export function generateSetupCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  let code = "";
  for (let i = 0; i < 20; i++) {
    code += alphabet[(bytes[i] ?? 0) % 32];
    if (i % 4 === 3 && i < 19) code += "-";
  }
  return code;
}

/** Whether the owner can still be created here: true only while the admins table is empty. */
export async function isSetupOpen(ctx: CoreContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(admins);
  return (row?.n ?? 0) === 0;
}

const digest = (value: string) =>
  createHash("sha256").update(value.trim().toUpperCase().replaceAll(/[\s-]/g, "")).digest();

/** Compares in constant time (of equal-length digests), so timing does not leak the code. */
export function setupCodeMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

const setupInput = z.object({
  setupCode: z.string().min(1),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`),
  ip: z.string().nullable().optional(),
});

/**
 * Creates the first owner. Refused (CONFLICT) once any operator exists, checked under a table lock so
 * two requests racing with the right code cannot both succeed; a wrong code is a 400 on `setup_code`.
 */
export async function createOwnerAtSetup(
  ctx: CoreContext,
  expectedCode: string | undefined,
  input: z.input<typeof setupInput>,
): Promise<{ id: string; email: string; role: "owner" }> {
  const { setupCode, email, password, ip } = parseInput(setupInput, input);
  const closed = () => new LumenError("CONFLICT", "Setup is already done: sign in instead");
  if (!expectedCode) {
    if (!(await isSetupOpen(ctx))) throw closed();
    // This process started while an operator existed, so it printed no code: a restart prints one.
    throw new LumenError("CONFLICT", "This server printed no setup code; restart it to get one", {
      field: "setup_code",
    });
  }
  if (!setupCodeMatches(expectedCode, setupCode)) {
    if (!(await isSetupOpen(ctx))) throw closed();
    throw new LumenError("VALIDATION_FAILED", "That setup code is not the one in the server log", {
      field: "setup_code",
    });
  }
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${admins} in exclusive mode`);
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(admins);
    if ((row?.n ?? 0) > 0) throw closed();
    const [created] = await tx.insert(admins).values({ email, passwordHash, role: "owner" }).returning();
    if (!created) throw validationFailed("email", "Could not create the owner");
    await recordAudit(
      tx,
      { type: "system", id: null, role: "owner", ip: ip ?? null },
      { action: "admin.setup", entityType: "admin", entityId: created.id, data: { email, role: "owner" } },
    );
    return { id: created.id, email: created.email, role: "owner" as const };
  });
}
