import {
  blockUserRequest,
  errorResponse,
  exportUsersQuery,
  ledgerQuery,
  ledgerResponse,
  listUsersQuery,
  sendUserMessageRequest,
  snakeKeys,
  user,
  userListResponse,
  userMessage,
  userOverview,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  eachRow,
  getUser,
  getUserOverview,
  listCreditLedger,
  listUsers,
  queueUserMessage,
  type ReferralSettings,
  setUserBlocked,
  signOutBuyerEverywhere,
  toActor,
  type UserListItem,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { type CsvColumn, sendCsv } from "../../http/csv.ts";
import { listInput } from "../../http/list-input.ts";

export type UserAdminRouteDeps = {
  core: CoreContext;
  requireAuth: RequireAuth;
  referrals: ReferralSettings;
};

const tags = ["users"];
const EXPORT_PAGE = 1000;

const csvColumns: CsvColumn<UserListItem>[] = [
  { header: "id", value: (u) => u.id },
  { header: "telegram_id", value: (u) => u.telegramId },
  { header: "first_name", value: (u) => u.firstName },
  { header: "last_name", value: (u) => u.lastName },
  { header: "username", value: (u) => u.username },
  { header: "language", value: (u) => u.locale ?? u.languageCode },
  { header: "bot_id", value: (u) => u.botId },
  { header: "referral_source", value: (u) => u.referralSource },
  { header: "credits", value: (u) => u.balance },
  { header: "blocked_at", value: (u) => u.blockedAt },
  { header: "first_seen_at", value: (u) => u.firstSeenAt },
  { header: "last_seen_at", value: (u) => u.lastSeenAt },
];

/** The operator's view of users: the list, its CSV, one user's page, and the actions on a user. */
export const userAdminRoutes =
  (deps: UserAdminRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    const now = () => deps.core.clock.now();
    app.get(
      "/api/v1/users",
      {
        schema: {
          tags,
          summary: "Users: search, filters and sort, in cursor pages",
          querystring: listUsersQuery,
          response: { 200: userListResponse, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const page = await listUsers(deps.core.db, now(), listInput(request.query));
        return { items: snakeKeys(page.items), next_cursor: page.nextCursor };
      },
    );
    app.get(
      "/api/v1/users/export.csv",
      {
        schema: {
          tags,
          summary: "The users list as CSV (UTF-8 with BOM), with the list's filters and sort; streamed",
          querystring: exportUsersQuery,
          produces: ["text/csv"],
          response: { 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const filters = listInput(request.query);
        const rows = eachRow((cursor) =>
          listUsers(deps.core.db, now(), { ...filters, cursor, limit: EXPORT_PAGE }),
        );
        return sendCsv(reply, "users", csvColumns, rows, now());
      },
    );
    app.get(
      "/api/v1/users/:id/overview",
      {
        schema: {
          tags,
          summary:
            "One user's page: profile, credits, trial, plans and chat access, referrer, partner figures",
          params: uuidParam,
          response: { 200: userOverview, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const overview = await getUserOverview(deps.core.db, deps.referrals, {
          userId: request.params.id,
          now: now(),
        });
        return snakeKeys({
          ...overview,
          subscriptions: overview.subscriptions.map(({ starChargeId, ...s }) => ({
            ...s,
            renews: !!starChargeId,
          })),
        });
      },
    );
    app.get(
      "/api/v1/users/:id/ledger",
      {
        schema: {
          tags,
          summary: "The user's credit ledger, newest first; page with ?before_id=<id of the last entry>",
          params: uuidParam,
          querystring: ledgerQuery,
          response: { 200: ledgerResponse, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const { before_id, limit } = request.query;
        await getUser(deps.core.db, request.params.id);
        const rows = await listCreditLedger(deps.core.db, {
          userId: request.params.id,
          beforeId: before_id,
          limit,
        });
        return {
          items: snakeKeys(rows),
          next_before_id: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
        };
      },
    );
    app.post(
      "/api/v1/users/:id/block",
      {
        schema: {
          tags,
          summary: "Block or unblock a user (admin): the bots refuse them politely and sends skip them",
          params: uuidParam,
          body: blockUserRequest,
          response: { 200: user, 400: errorResponse, 403: errorResponse, 404: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const row = await setUserBlocked(deps.core, toActor(principalOf(request), request.ip), {
          userId: request.params.id,
          blocked: request.body.blocked,
          reason: request.body.reason,
        });
        return snakeKeys(row);
      },
    );
    app.post(
      "/api/v1/users/:id/bot-messages",
      {
        schema: {
          tags,
          summary: "Send the user a message through a bot (queued; a job sends it once)",
          params: uuidParam,
          body: sendUserMessageRequest,
          response: { 202: userMessage, 400: errorResponse, 404: errorResponse, 409: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const message = await queueUserMessage(deps.core, toActor(principalOf(request), request.ip), {
          userId: request.params.id,
          text: request.body.text,
          botId: request.body.bot_id,
        });
        return reply.status(202).send(snakeKeys(message));
      },
    );
    app.post(
      "/api/v1/users/:id/sign-out-app",
      {
        schema: {
          tags,
          summary: "Sign the user out of the installed store app on every device (admin, audited)",
          params: uuidParam,
          response: { 200: z.object({ ended: z.number().int() }), 403: errorResponse, 404: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        await getUser(deps.core.db, request.params.id);
        const ended = await signOutBuyerEverywhere(
          deps.core,
          toActor(principalOf(request), request.ip),
          request.params.id,
        );
        return { ended };
      },
    );
  };
