import { type AuditRow, auditLog } from "@lumen/db";
import { and, desc, eq, lt } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type ListAuditInput = { entityType?: string; entityId?: string; beforeId?: number; limit: number };

/** Newest first, paged by id so new rows never shift a page under the reader. */
export async function listAudit(ctx: CoreContext, input: ListAuditInput): Promise<AuditRow[]> {
  const filters = [
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.beforeId ? lt(auditLog.id, input.beforeId) : undefined,
  ].filter((f) => f !== undefined);
  return ctx.db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}
