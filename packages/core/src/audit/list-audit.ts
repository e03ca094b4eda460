import { type AuditActorType, type AuditRow, admins, apiKeys, auditLog } from "@lumen/db";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type ListAuditInput = {
  actorType?: AuditActorType | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Rows older than this id: the cursor of the previous page. */
  beforeId?: number | undefined;
  limit: number;
};

export type AuditListItem = AuditRow & { actorName: string | null };

/** The actor's name as the operator knows it: an operator's email or an API key's name. */
const actorName = sql<string | null>`coalesce(
  (select ${admins.email} from ${admins} where ${auditLog.actorType} = 'admin' and ${admins.id}::text = ${auditLog.actorId}),
  (select ${apiKeys.name} from ${apiKeys} where ${auditLog.actorType} = 'api_key' and ${apiKeys.id}::text = ${auditLog.actorId})
)`;

/**
 * Newest first, paged by id (keyset), so rows written while someone reads never shift a page.
 * Filters are exact matches on who (actor), what (action) and on what (entity).
 */
export async function listAudit(ctx: CoreContext, input: ListAuditInput): Promise<AuditListItem[]> {
  const filters = [
    input.actorType ? eq(auditLog.actorType, input.actorType) : undefined,
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.beforeId ? lt(auditLog.id, input.beforeId) : undefined,
  ].filter((f) => f !== undefined);
  const rows = await ctx.db
    .select({ row: auditLog, actorName })
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
  return rows.map(({ row, actorName: name }) => ({ ...row, actorName: name ?? null }));
}

export type AuditFacets = {
  actors: { actorType: AuditActorType; actorId: string; actorName: string | null }[];
  actions: string[];
  entityTypes: string[];
};

/** The distinct actors, actions and entity types in the log: the choices of the panel's filters. */
export async function listAuditFacets(ctx: CoreContext): Promise<AuditFacets> {
  const [actors, actions, entityTypes] = await Promise.all([
    ctx.db
      .selectDistinct({ actorType: auditLog.actorType, actorId: auditLog.actorId, actorName })
      .from(auditLog)
      .where(sql`${auditLog.actorId} is not null`)
      .limit(500),
    ctx.db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action).limit(500),
    ctx.db
      .selectDistinct({ entityType: auditLog.entityType })
      .from(auditLog)
      .orderBy(auditLog.entityType)
      .limit(200),
  ]);
  return {
    actors: actors
      .map((a) => ({ actorType: a.actorType, actorId: a.actorId ?? "", actorName: a.actorName ?? null }))
      .sort((a, b) => (a.actorName ?? a.actorId).localeCompare(b.actorName ?? b.actorId)),
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
