import {
  assistantStatisticsResponse,
  taskAssigneeListResponse,
  taskDetail,
  taskListResponse,
  taskMessageItem,
} from "@lumen/contracts";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api.ts";
import { periodOf, type StatisticsSearch, type TasksSearch } from "../search.ts";

export type TaskCard = z.output<typeof taskListResponse>["items"][number];
export type TaskView = z.output<typeof taskDetail>;
export type StatisticsRow = z.output<typeof assistantStatisticsResponse>["items"][number];

export const taskKeys = {
  all: ["tasks"] as const,
  board: (search: TasksSearch) => [...taskKeys.all, "board", search] as const,
  one: (id: string) => [...taskKeys.all, "one", id] as const,
  assignees: () => [...taskKeys.all, "assignees"] as const,
  statistics: (search: StatisticsSearch) => [...taskKeys.all, "statistics", search] as const,
};

export const taskBoardQueryOptions = (search: TasksSearch) =>
  queryOptions({
    queryKey: taskKeys.board(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/tasks", {
        query: { ...search, limit: 500 },
        schema: taskListResponse,
        signal,
      }),
  });

export const taskQueryOptions = (id: string) =>
  queryOptions({
    queryKey: taskKeys.one(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/tasks/${id}`, { schema: taskDetail, signal }),
  });

/** Operators a task can be given to; only operators and up may reassign, so only they ask. */
export const assigneesQueryOptions = (enabled: boolean) =>
  queryOptions({
    queryKey: taskKeys.assignees(),
    queryFn: async ({ signal }) =>
      (await api("GET", "/api/v1/tasks/assignees", { schema: taskAssigneeListResponse, signal })).items,
    staleTime: 60_000,
    enabled,
  });

export const statisticsQueryOptions = (search: StatisticsSearch) =>
  queryOptions({
    queryKey: taskKeys.statistics(search),
    queryFn: ({ signal }) => {
      const { from, to } = periodOf(search);
      const end = new Date(`${to}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      return api("GET", "/api/v1/assistant-statistics", {
        query: { from: `${from}T00:00:00Z`, to: end.toISOString() },
        schema: assistantStatisticsResponse,
        signal,
      });
    },
  });

/** Every change to a task refreshes the board, the task and the statistics. */
function useTaskMutation<I, O>(fn: (input: I) => Promise<O>, successMessage?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { form: true, ...(successMessage ? { successMessage } : {}) },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

export const useTakeTask = (id: string) =>
  useTaskMutation(() => api("POST", `/api/v1/tasks/${id}/take`, { body: {}, schema: taskDetail }));

export const useSendTaskMessage = (id: string, sent: string) =>
  useTaskMutation(
    (input: { text: string; ask: boolean }) =>
      api("POST", `/api/v1/tasks/${id}/messages`, {
        body: { ...input, idempotency_key: crypto.randomUUID() },
        schema: taskMessageItem,
      }),
    sent,
  );

export const useCompleteTask = (id: string) =>
  useTaskMutation((result: string) =>
    api("POST", `/api/v1/tasks/${id}/done`, { body: { result }, schema: taskDetail }),
  );

export const useCancelTask = (id: string) =>
  useTaskMutation(() => api("POST", `/api/v1/tasks/${id}/cancel`, { schema: taskDetail }));

export const useReassignTask = (id: string, done: string) =>
  useTaskMutation(
    (assigneeId: string | null) =>
      api("POST", `/api/v1/tasks/${id}/reassign`, { body: { assignee_id: assigneeId }, schema: taskDetail }),
    done,
  );
