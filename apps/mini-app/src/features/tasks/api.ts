import type {
  storeCreateTaskRequest,
  storeRateTaskRequest,
  storeTask,
  storeTaskDetail,
  storeTaskList,
} from "@lumen/contracts";
import { isTaskOpen } from "@lumen/contracts/task-status";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { storeApi } from "../../lib/api.ts";

/** Shapes as they travel (dates are ISO strings): the contracts' input side, types only. */
export type StoreTask = z.input<typeof storeTask>;
export type StoreTaskList = z.input<typeof storeTaskList>;
export type StoreTaskDetail = z.input<typeof storeTaskDetail>;
export type TaskStatus = StoreTask["status"];

export const tasksQuery = queryOptions({
  queryKey: ["tasks"],
  queryFn: () => storeApi<StoreTaskList>("GET", "/tasks"),
});

/** A task's page; while it is open the assistant may answer, so it looks again now and then. */
export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: ["tasks", id],
    queryFn: () => storeApi<StoreTaskDetail>("GET", `/tasks/${id}`),
    refetchInterval: (query) => (query.state.data && isTaskOpen(query.state.data.status) ? 5000 : false),
  });

export const createTask = (body: z.input<typeof storeCreateTaskRequest>) =>
  storeApi<StoreTask>("POST", "/tasks", body);
export const writeToTask = (id: string, text: string) =>
  storeApi<unknown>("POST", `/tasks/${id}/messages`, { text });
export const cancelTask = (id: string) => storeApi<StoreTaskDetail>("POST", `/tasks/${id}/cancel`);
export const rateTask = (id: string, body: z.input<typeof storeRateTaskRequest>) =>
  storeApi<StoreTaskDetail>("POST", `/tasks/${id}/rate`, body);
