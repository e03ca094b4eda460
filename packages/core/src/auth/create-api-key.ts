import { type AdminRole, adminRoles, apiKeys } from "@lumen/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { generateApiKey } from "./api-key-secret.ts";
import { requireRole } from "./roles.ts";

const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(adminRoles),
  expiresAt: z.coerce.date().optional(),
});

export type CreatedApiKey = {
  id: string;
  name: string;
  role: AdminRole;
  prefix: string;
  expiresAt: Date | null;
  createdAt: Date;
  /** Shown once; only its hash is stored. */
  key: string;
};

/** Owners only: a key acts with its role, so making one is granting that role. */
export async function createApiKey(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof createApiKeyInput>,
): Promise<CreatedApiKey> {
  requireRole(actor, "owner");
  const { name, role, expiresAt } = parseInput(createApiKeyInput, input);
  if (expiresAt && expiresAt <= ctx.clock.now()) {
    throw new LumenError("VALIDATION_FAILED", "expiresAt must be in the future", { field: "expiresAt" });
  }
  const secret = generateApiKey();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name,
        role,
        prefix: secret.prefix,
        keyHash: secret.hash,
        expiresAt: expiresAt ?? null,
        createdBy: actor.type === "admin" ? actor.id : null,
      })
      .returning();
    if (!row) throw new LumenError("INTERNAL", "Could not create the API key");
    await recordAudit(tx, actor, {
      action: "api_key.create",
      entityType: "api_key",
      entityId: row.id,
      data: { name, role },
    });
    return {
      id: row.id,
      name,
      role,
      prefix: row.prefix,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
      key: secret.key,
    };
  });
}
