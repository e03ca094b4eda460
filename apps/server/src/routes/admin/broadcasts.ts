import {
  audienceCountRequest,
  broadcast,
  broadcastList,
  broadcastListRequest,
  broadcastReport,
  broadcastRequest,
  camelKeys,
  errorResponse,
  previewRequest,
  scheduleRequest,
  snakeKeys,
  timestamp,
  uuidParam,
} from "@lumen/contracts";
import {
  type BroadcastSender,
  type CoreContext,
  cancelBroadcast,
  countAudience,
  createBroadcast,
  createBroadcastList,
  getBroadcast,
  getBroadcastReport,
  listBroadcastLists,
  listBroadcasts,
  pauseBroadcast,
  previewBroadcast,
  resumeBroadcast,
  scheduleBroadcast,
  toActor,
  unscheduleBroadcast,
  updateBroadcast,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const tags = ["broadcasts"];
const denied = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  before_created_at: timestamp.optional(),
  before_id: z.uuid().optional(),
});

/** Broadcasts to a bot's audience: drafts, the live audience count, preview, schedule and the report. */
export const broadcastRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth; sender: BroadcastSender }): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    const actorOf = (request: Parameters<typeof principalOf>[0]) => toActor(principalOf(request), request.ip);
    app.get(
      "/api/v1/broadcasts",
      {
        schema: {
          tags,
          summary: "Broadcasts, newest first",
          querystring: listQuery,
          response: {
            200: z.object({ items: z.array(broadcast), has_more: z.boolean() }),
            400: errorResponse,
          },
        },
        preHandler: operator,
      },
      async (request) => {
        const { limit, before_created_at, before_id } = request.query;
        const page = await listBroadcasts(deps.core, {
          ...(limit ? { limit } : {}),
          ...(before_created_at && before_id
            ? { before: { createdAt: before_created_at, id: before_id } }
            : {}),
        });
        return { items: snakeKeys(page.items), has_more: page.hasMore };
      },
    );
    app.post(
      "/api/v1/broadcasts",
      {
        schema: {
          tags,
          summary: "Draft a broadcast",
          body: broadcastRequest,
          response: { 201: broadcast, ...denied },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const created = await createBroadcast(deps.core, actorOf(request), camelKeys(request.body));
        return reply.status(201).send(snakeKeys(created));
      },
    );
    app.post(
      "/api/v1/broadcasts/audience",
      {
        schema: {
          tags,
          summary: "How many users a segment reaches now (blocked users left out)",
          body: audienceCountRequest,
          response: { 200: z.object({ count: z.number().int() }), 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({ count: await countAudience(deps.core, camelKeys(request.body)) }),
    );
    app.get(
      "/api/v1/broadcasts/lists",
      {
        schema: {
          tags,
          summary: "Saved lists of Telegram ids",
          response: { 200: z.object({ items: z.array(broadcastList) }) },
        },
        preHandler: operator,
      },
      async () => ({ items: snakeKeys(await listBroadcastLists(deps.core)) }),
    );
    app.post(
      "/api/v1/broadcasts/lists",
      {
        schema: {
          tags,
          summary: "Save a list of Telegram ids uploaded as CSV, to target it",
          body: broadcastListRequest,
          response: { 201: broadcastList.omit({ created_at: true }), 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) =>
        reply.status(201).send(await createBroadcastList(deps.core, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/broadcasts/:id",
      {
        schema: {
          tags,
          summary: "One broadcast",
          params: uuidParam,
          response: { 200: broadcast, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => snakeKeys(await getBroadcast(deps.core.db, request.params.id)),
    );
    app.put(
      "/api/v1/broadcasts/:id",
      {
        schema: {
          tags,
          summary: "Edit a draft or scheduled broadcast",
          params: uuidParam,
          body: broadcastRequest,
          response: { 200: broadcast, ...denied },
        },
        preHandler: operator,
      },
      async (request) =>
        snakeKeys(
          await updateBroadcast(deps.core, actorOf(request), request.params.id, camelKeys(request.body)),
        ),
    );
    app.get(
      "/api/v1/broadcasts/:id/report",
      {
        schema: {
          tags,
          summary: "Targeted, sent, failed by reason, blocked, clicks and revenue within 72 h",
          params: uuidParam,
          response: { 200: broadcastReport, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => snakeKeys(await getBroadcastReport(deps.core, request.params.id)),
    );
    app.post(
      "/api/v1/broadcasts/:id/preview",
      {
        schema: {
          tags,
          summary: "Send the broadcast to your own Telegram account (linked to your login)",
          params: uuidParam,
          body: previewRequest,
          response: { 200: z.object({ outcome: z.string(), reason: z.string().optional() }), ...denied },
        },
        preHandler: operator,
      },
      async (request) => {
        const outcome = await previewBroadcast(
          deps.core,
          deps.sender,
          actorOf(request),
          request.params.id,
          request.body,
        );
        return { outcome: outcome.kind, ...("reason" in outcome ? { reason: outcome.reason } : {}) };
      },
    );
    app.post(
      "/api/v1/broadcasts/:id/schedule",
      {
        schema: {
          tags,
          summary: "Send at a time, or now",
          params: uuidParam,
          body: scheduleRequest,
          response: { 200: broadcast, ...denied },
        },
        preHandler: operator,
      },
      async (request) =>
        snakeKeys(await scheduleBroadcast(deps.core, actorOf(request), request.params.id, request.body)),
    );
    const action = (path: string, summary: string, verb: typeof pauseBroadcast) =>
      app.post(
        `/api/v1/broadcasts/:id/${path}`,
        {
          schema: { tags, summary, params: uuidParam, response: { 200: broadcast, ...denied } },
          preHandler: operator,
        },
        async (request) => snakeKeys(await verb(deps.core, actorOf(request), request.params.id)),
      );
    action("unschedule", "Back to a draft before it starts", unscheduleBroadcast);
    action("pause", "Stop sending for now (resume goes on with the rest)", pauseBroadcast);
    action("resume", "Go on sending a paused broadcast", resumeBroadcast);
    action("cancel", "Stop for good: recipients not reached yet never get it", cancelBroadcast);
  };
