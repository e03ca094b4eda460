import { z } from "zod";
import { timestamp } from "./common.ts";
import { cursorPage, cursorQuery } from "./pagination.ts";

export const auditActorType = z.enum(["admin", "api_key", "cli", "system"]);

export const auditEntry = z
  .object({
    id: z.number().int(),
    actor_type: auditActorType,
    actor_id: z.string().nullable(),
    /** The operator's email or the API key's name, when the actor still exists. */
    actor_name: z.string().nullable(),
    action: z.string(),
    entity_type: z.string(),
    entity_id: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "AuditEntry" });

const slug = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[a-z][a-z0-9_.]*$/, "Use lowercase letters, digits, dots and underscores");

/** `GET /api/v1/audit`: newest first, cursor-paged; every filter is exact. */
export const auditListQuery = cursorQuery.extend({
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, "A cursor is the next_cursor of a previous page")
    .optional(),
  actor_type: auditActorType.optional(),
  actor_id: z.string().min(1).max(100).optional().describe("An operator's or API key's id"),
  action: slug(100).optional().describe("e.g. admin.create, order.refund"),
  entity_type: slug(50).optional(),
  entity_id: z.string().min(1).max(200).optional(),
  /** Legacy paging by id; `cursor` is the same value. */
  before_id: z.coerce.number().int().positive().optional(),
});

export const auditListResponse = cursorPage(auditEntry).extend({
  /** The same as next_cursor as a number (older clients page with before_id). */
  next_before_id: z.number().int().nullable(),
});

/** What the audit filters can offer: the actors, actions and entity types the log contains. */
export const auditFacetsResponse = z.object({
  actors: z.array(
    z.object({ actor_type: auditActorType, actor_id: z.string(), actor_name: z.string().nullable() }),
  ),
  actions: z.array(z.string()),
  entity_types: z.array(z.string()),
});
