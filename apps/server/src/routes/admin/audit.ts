import {
  auditFacetsResponse,
  auditListQuery,
  auditListResponse,
  errorResponse,
  snakeKeys,
} from "@lumen/contracts";
import { type CoreContext, listAudit, listAuditFacets } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequireAuth } from "../../http/auth.ts";

const tags = ["audit"];

export const auditRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/audit",
      {
        schema: {
          tags,
          summary: "The audit log, newest first, filtered by actor, action and entity (admin)",
          querystring: auditListQuery,
          response: { 200: auditListResponse, 400: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const q = request.query;
        const items = await listAudit(deps.core, {
          actorType: q.actor_type,
          actorId: q.actor_id,
          action: q.action,
          entityType: q.entity_type,
          entityId: q.entity_id,
          beforeId: q.cursor ? Number(q.cursor) : q.before_id,
          limit: q.limit,
        });
        const last = items.length === q.limit ? (items.at(-1)?.id ?? null) : null;
        return {
          items: snakeKeys(items),
          next_cursor: last === null ? null : String(last),
          next_before_id: last,
        };
      },
    );

    app.get(
      "/api/v1/audit/facets",
      {
        schema: {
          tags,
          summary: "The actors, actions and entity types the audit log contains (for filters; admin)",
          response: { 200: auditFacetsResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async () => snakeKeys(await listAuditFacets(deps.core)),
    );
  };
