import { timestamp } from "@lumen/contracts";
import { type CoreContext, listAudit } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RequireAuth } from "../../http/auth.ts";

const auditEntry = z.object({
  id: z.number().int(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: timestamp,
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
            200: z.object({ items: z.array(auditEntry), nextBeforeId: z.number().int().nullable() }),
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
        return { items, nextBeforeId: items.length === q.limit ? (items.at(-1)?.id ?? null) : null };
      },
    );
  };
