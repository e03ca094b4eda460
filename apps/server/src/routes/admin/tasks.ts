import {
  assistantStatisticsQuery,
  assistantStatisticsResponse,
  completeTaskRequest,
  createTaskRequest,
  errorResponse,
  listTasksQuery,
  reassignTaskRequest,
  snakeKeys,
  takeTaskRequest,
  taskAssigneeListResponse,
  taskDetail,
  taskItem,
  taskListResponse,
  taskMessageItem,
  taskMessageRequest,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  cancelTask,
  completeTask,
  createTask,
  getAssistantStatistics,
  getTask,
  handOverTask,
  listTaskAssignees,
  listTasks,
  postAssistantTaskMessage,
  takeTask,
  toActor,
} from "@lumen/core";
import type { TaskStatus } from "@lumen/db";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export type TaskRouteDeps = { core: CoreContext; requireAuth: RequireAuth };

const tags = ["tasks"];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

/** A task as the API shows it: the list item without the conversation. */
const showTask = (task: Awaited<ReturnType<typeof listTasks>>[number]) => {
  const { subscriptionId, quotaPeriod, idempotencyKey, ...rest } = task;
  return snakeKeys(rest);
};

/**
 * Tasks delegated to human assistants: the board's list, one task with its conversation and
 * history, and what assistants do (take, write, done); operators create on a user's behalf,
 * cancel and reassign. Writes are idempotent: a repeat changes nothing and answers the same.
 */
export const taskRoutes =
  (deps: TaskRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const assistant = deps.requireAuth("assistant");
    const operator = deps.requireAuth("operator");
    const actorOf = (request: FastifyRequest) => toActor(principalOf(request), request.ip);
    const detail = async (actor: ReturnType<typeof actorOf>, id: string) => {
      const { subscriptionId, quotaPeriod, idempotencyKey, ...task } = await getTask(deps.core, actor, id);
      return snakeKeys({
        ...task,
        messages: task.messages.map(({ idempotencyKey: _key, taskId: _task, ...m }) => m),
        events: task.events.map(({ taskId: _task, ...e }) => e),
      });
    };

    app.get(
      "/api/v1/tasks",
      {
        schema: {
          tags,
          summary: "Tasks, newest first, filtered by status, assistant, plan, overdue (assistant and up)",
          querystring: listTasksQuery,
          response: { 200: taskListResponse, 400: errorResponse, 403: errorResponse },
        },
        preHandler: assistant,
      },
      async (request) => {
        const q = request.query;
        const items = await listTasks(deps.core, actorOf(request), {
          status: q.status ? (q.status.split(",") as TaskStatus[]) : undefined,
          assigneeId: q.assignee_id,
          unassigned: q.unassigned,
          planCode: q.plan_code,
          overdue: q.overdue,
          userId: q.user_id,
          botId: q.bot_id,
          limit: q.limit,
        });
        return { items: items.map(showTask) };
      },
    );
    app.get(
      "/api/v1/tasks/assignees",
      {
        schema: {
          tags,
          summary: "Operators a task can be given to, assistants first (operator)",
          response: { 200: taskAssigneeListResponse, 403: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({ items: await listTaskAssignees(deps.core.db, actorOf(request)) }),
    );
    app.get(
      "/api/v1/tasks/:id",
      {
        schema: {
          tags,
          summary: "One task with its conversation and its history",
          params: uuidParam,
          response: { 200: taskDetail, ...errors },
        },
        preHandler: assistant,
      },
      async (request) => detail(actorOf(request), request.params.id),
    );
    app.post(
      "/api/v1/tasks",
      {
        schema: {
          tags,
          summary:
            "Create a task on a user's behalf (operator), paid from their plan's task quota; the same idempotency_key twice creates one",
          body: createTaskRequest,
          response: { 201: taskItem, ...errors },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const b = request.body;
        const created = await createTask(deps.core, {
          userId: b.user_id,
          botId: b.bot_id ?? null,
          text: b.text,
          attachments: (b.attachments ?? []).map((a) => ({ kind: a.kind, fileId: a.file_id })),
          deadline: b.deadline ?? null,
          priority: b.priority ?? "normal",
          idempotencyKey: b.idempotency_key,
          operatorId: actor.type === "admin" ? actor.id : null,
        });
        const [item] = await listTasks(deps.core, actor, { id: created.id, limit: 1 });
        return reply.status(201).send(showTask(item as NonNullable<typeof item>));
      },
    );

    const change = (
      path: string,
      summary: string,
      body: typeof takeTaskRequest | typeof completeTaskRequest | typeof reassignTaskRequest | undefined,
      role: "assistant" | "operator",
      run: (actor: ReturnType<typeof actorOf>, id: string, body: Record<string, unknown>) => Promise<unknown>,
    ) =>
      app.post(
        `/api/v1/tasks/:id/${path}`,
        {
          schema: {
            tags,
            summary,
            params: uuidParam,
            ...(body ? { body } : {}),
            response: { 200: taskDetail, ...errors },
          },
          preHandler: role === "assistant" ? assistant : operator,
        },
        async (request) => {
          const actor = actorOf(request);
          await run(actor, request.params.id, (request.body ?? {}) as Record<string, unknown>);
          return detail(actor, request.params.id);
        },
      );

    change(
      "take",
      "Take a new task (a claim: of two at once, one gets it, the other a 409)",
      takeTaskRequest,
      "assistant",
      (actor, id, b) =>
        takeTask(deps.core, actor, { taskId: id, assigneeId: (b.assignee_id as string | undefined) ?? null }),
    );
    change(
      "done",
      "Mark the task done with its result; done again changes nothing",
      completeTaskRequest,
      "assistant",
      (actor, id, b) => completeTask(deps.core, actor, { taskId: id, result: b.result as string }),
    );
    change(
      "cancel",
      "Cancel an open task (operator, audited); cancelled again changes nothing",
      undefined,
      "operator",
      (actor, id) => cancelTask(deps.core, { type: "operator", actor }, id),
    );
    change(
      "reassign",
      "Give the task to another assistant, or back to anyone (operator, audited)",
      reassignTaskRequest,
      "operator",
      (actor, id, b) =>
        handOverTask(deps.core, actor, {
          taskId: id,
          toAssigneeId: (b.assignee_id as string | null) ?? null,
        }),
    );

    app.post(
      "/api/v1/tasks/:id/messages",
      {
        schema: {
          tags,
          summary:
            "Write to the task's subscriber (through the bot); ask: true waits for their answer; the same idempotency_key twice writes once",
          params: uuidParam,
          body: taskMessageRequest,
          response: { 201: taskMessageItem, ...errors },
        },
        preHandler: assistant,
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const message = await postAssistantTaskMessage(deps.core, actor, {
          taskId: request.params.id,
          text: request.body.text,
          ask: request.body.ask ?? false,
          idempotencyKey: request.body.idempotency_key,
        });
        const { idempotencyKey: _key, taskId: _task, ...rest } = message;
        return reply.status(201).send(snakeKeys({ ...rest, operatorEmail: null }));
      },
    );

    app.get(
      "/api/v1/assistant-statistics",
      {
        schema: {
          tags,
          summary:
            "Per assistant and period, computed from the task history: taken, done, median and p90 times to first response and to done, reopen rate, rating, overdue",
          querystring: assistantStatisticsQuery,
          response: { 200: assistantStatisticsResponse, 400: errorResponse, 403: errorResponse },
        },
        preHandler: assistant,
      },
      async (request) => {
        const q = request.query;
        const items = await getAssistantStatistics(deps.core, actorOf(request), {
          from: q.from,
          to: q.to,
          assistantId: q.assistant_id,
        });
        return { items: items.map((s) => snakeKeys(s)) };
      },
    );
  };
