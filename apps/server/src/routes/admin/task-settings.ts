import {
  errorResponse,
  planCodeParam,
  setTaskPlanQuotaRequest,
  setTaskSettingsRequest,
  snakeKeys,
  taskPlanQuotaListResponse,
  taskSettingsItem,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  getTaskSettings,
  listTaskPlanQuotas,
  setTaskPlanQuota,
  setTaskSettings,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const tags = ["tasks"];
const showSettings = ({ updatedAt: _at, ...s }: Awaited<ReturnType<typeof getTaskSettings>>) => snakeKeys(s);

/** What plans give in tasks, and where each bot sends its tasks (admin). */
export const taskSettingsRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    app.get(
      "/api/v1/task-plans",
      {
        schema: {
          tags,
          summary: "Plans (by plan code) that give tasks: how many per period, and whether priority",
          response: { 200: taskPlanQuotaListResponse, 403: errorResponse },
        },
        preHandler: admin,
      },
      async () => ({ items: (await listTaskPlanQuotas(deps.core)).map((q) => snakeKeys(q)) }),
    );
    app.put(
      "/api/v1/task-plans/:plan_code",
      {
        schema: {
          tags,
          summary: "Set how many tasks a plan gives per period (null: none) (admin, audited)",
          params: planCodeParam,
          body: setTaskPlanQuotaRequest,
          response: { 200: taskPlanQuotaListResponse, 400: errorResponse, 403: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => {
        await setTaskPlanQuota(deps.core, toActor(principalOf(request), request.ip), {
          planCode: request.params.plan_code,
          tasksPerPeriod: request.body.tasks_per_period,
          priorityAllowed: request.body.priority_allowed ?? false,
        });
        return { items: (await listTaskPlanQuotas(deps.core)).map((q) => snakeKeys(q)) };
      },
    );
    app.get(
      "/api/v1/bots/:id/task-settings",
      {
        schema: {
          tags,
          summary: "Where the bot posts new tasks, and when it warns about them",
          params: uuidParam,
          response: { 200: taskSettingsItem, 403: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => showSettings(await getTaskSettings(deps.core, request.params.id)),
    );
    app.put(
      "/api/v1/bots/:id/task-settings",
      {
        schema: {
          tags,
          summary: "Set the bot's assistants' work chat and alert times (admin, audited)",
          params: uuidParam,
          body: setTaskSettingsRequest,
          response: { 200: taskSettingsItem, 400: errorResponse, 403: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        showSettings(
          await setTaskSettings(deps.core, toActor(principalOf(request), request.ip), {
            botId: request.params.id,
            workChatId: request.body.work_chat_id,
            untakenAlertMinutes: request.body.untaken_alert_minutes,
            reminderMinutesBefore: request.body.reminder_minutes_before,
            timezone: request.body.timezone,
          }),
        ),
    );
  };
