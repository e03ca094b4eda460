import {
  errorResponse,
  storeBotParam,
  storeCreateTaskRequest,
  storeItemParam,
  storeRateTaskRequest,
  storeTask,
  storeTaskDetail,
  storeTaskList,
  storeTaskMessage,
  storeTaskMessageRequest,
} from "@lumen/contracts";
import {
  type CoreContext,
  cancelTask,
  createTask,
  getUserTask,
  listTaskAllowances,
  listUserTasks,
  nextTaskAllowance,
  postUserTaskMessage,
  rateTask,
} from "@lumen/core";
import type { TaskMessageRow, TaskRow } from "@lumen/db";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { buyerOf } from "../../http/buyer-auth.ts";

export type StoreTaskDeps = { core: CoreContext; requireBuyer: preHandlerAsyncHookHandler };

const tags = ["store"];
const denied = { 401: errorResponse, 403: errorResponse, 404: errorResponse };
const refusals = { 400: errorResponse, 409: errorResponse, 429: errorResponse, ...denied };

const showTask = (task: TaskRow) => ({
  id: task.id,
  text: task.text,
  attachments: task.attachments.map((a) => ({ kind: a.kind, file_id: a.fileId })),
  deadline: task.deadline,
  priority: task.priority,
  status: task.status,
  result: task.result,
  rating: task.rating,
  rating_comment: task.ratingComment,
  created_at: task.createdAt,
  updated_at: task.updatedAt,
});
const showMessage = (m: TaskMessageRow) => ({
  id: m.id,
  author_type: m.authorType,
  text: m.text,
  attachments: m.attachments.map((a) => ({ kind: a.kind, file_id: a.fileId })),
  created_at: m.createdAt,
});

/**
 * The subscriber's tasks in the Mini App's account page: the same verbs as the bot's /task and
 * /tasks (quota, who may cancel, what may be rated all live there), reached with the launch data.
 */
export const storeTaskRoutes =
  (deps: StoreTaskDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = deps.requireBuyer;
    const detail = async (userId: string, taskId: string) => {
      const { task, messages } = await getUserTask(deps.core, userId, taskId);
      return { ...showTask(task), messages: messages.map(showMessage) };
    };

    app.get(
      "/api/v1/app/:bot_id/tasks",
      {
        schema: {
          tags,
          summary: "The buyer's tasks, newest first, and what their plans still give this period",
          params: storeBotParam,
          response: { 200: storeTaskList, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const [items, allowances] = await Promise.all([
          listUserTasks(deps.core, user.id, 50),
          listTaskAllowances(deps.core.db, user.id, deps.core.clock.now()),
        ]);
        const next = nextTaskAllowance(allowances);
        return {
          items: items.map(showTask),
          can_create: next !== undefined,
          priority_allowed: next?.priorityAllowed === true,
          allowances: allowances.map((a) => ({
            plan_code: a.planCode,
            title: a.title,
            tasks_per_period: a.tasksPerPeriod,
            tasks_left: a.tasksLeft,
            priority_allowed: a.priorityAllowed,
          })),
        };
      },
    );
    app.get(
      "/api/v1/app/:bot_id/tasks/:id",
      {
        schema: {
          tags,
          summary: "One of the buyer's tasks with its conversation (someone else's is not found)",
          params: storeItemParam,
          response: { 200: storeTaskDetail, ...denied },
        },
        preHandler,
      },
      async (request) => detail(buyerOf(request).user.id, request.params.id),
    );
    app.post(
      "/api/v1/app/:bot_id/tasks",
      {
        schema: {
          tags,
          summary:
            "A new task, paid from a plan's task quota (403 when no plan gives one or it is used up); the same idempotency_key twice creates one",
          params: storeBotParam,
          body: storeCreateTaskRequest,
          response: { 201: storeTask, ...refusals },
        },
        preHandler,
      },
      async (request, reply) => {
        const { user, botId } = buyerOf(request);
        const b = request.body;
        const task = await createTask(deps.core, {
          userId: user.id,
          botId,
          text: b.text,
          deadline: b.deadline ?? null,
          priority: b.priority ?? "normal",
          // Scoped to the buyer: another buyer's key never finds this one's task.
          idempotencyKey: b.idempotency_key,
        });
        return reply.status(201).send(showTask(task));
      },
    );
    app.post(
      "/api/v1/app/:bot_id/tasks/:id/messages",
      {
        schema: {
          tags,
          summary: "Write to the task's assistant (relayed by the bot), like a message in the bot's chat",
          params: storeItemParam,
          body: storeTaskMessageRequest,
          response: { 201: storeTaskMessage, ...refusals },
        },
        preHandler,
      },
      async (request, reply) => {
        const { user } = buyerOf(request);
        const message = await postUserTaskMessage(deps.core, user.id, {
          taskId: request.params.id,
          text: request.body.text,
        });
        return reply.status(201).send(showMessage(message));
      },
    );
    app.post(
      "/api/v1/app/:bot_id/tasks/:id/cancel",
      {
        schema: {
          tags,
          summary: "Cancel a task nobody has taken yet (409 once taken); it goes back to the quota",
          params: storeItemParam,
          response: { 200: storeTaskDetail, ...refusals },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        await cancelTask(deps.core, { type: "user", userId: user.id }, request.params.id);
        return detail(user.id, request.params.id);
      },
    );
    app.post(
      "/api/v1/app/:bot_id/tasks/:id/rate",
      {
        schema: {
          tags,
          summary: "Rate a done task 1-5 with an optional comment; rating again replaces it",
          params: storeItemParam,
          body: storeRateTaskRequest,
          response: { 200: storeTaskDetail, ...refusals },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        await rateTask(deps.core, user.id, {
          taskId: request.params.id,
          rating: request.body.rating,
          comment: request.body.comment ?? null,
        });
        return detail(user.id, request.params.id);
      },
    );
  };
