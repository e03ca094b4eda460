import { auditLog, type Database } from "@lumen/db";
import type { Actor } from "../shared/context.ts";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
};

/** Called inside the transaction of the change it describes, so the two land or fail together. */
export async function recordAudit(db: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
    ip: actor.ip ?? null,
  });
}
