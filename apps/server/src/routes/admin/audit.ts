import { snakeKeys, timestamp } from "@lumen/contracts";
import { type CoreContext, listAudit } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RequireAuth } from "../../http/auth.ts";

const auditEntry = z.object({
  id: z.number().int(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  created_at: timestamp,
});

export const auditRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "The audit log, newest first (admin)",
          querystring: z.object({
            entity_type: z.string().optional(),
            entity_id: z.string().optional(),
            before_id: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ items: z.array(auditEntry), next_before_id: z.number().int().nullable() }),
          },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const q = request.query;
        const items = await listAudit(deps.core, {
          entityType: q.entity_type,
          entityId: q.entity_id,
          beforeId: q.before_id,
          limit: q.limit,
        });
        return {
          items: snakeKeys(items),
          next_before_id: items.length === q.limit ? (items.at(-1)?.id ?? null) : null,
        };
      },
    );
  };
