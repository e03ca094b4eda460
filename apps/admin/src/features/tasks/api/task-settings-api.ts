import { botList, taskPlanQuotaListResponse, taskSettingsItem } from "@lumen/contracts";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api.ts";

export type TaskSettings = z.output<typeof taskSettingsItem>;

const keys = {
  plans: ["tasks", "settings", "plans"] as const,
  bots: ["tasks", "settings", "bots"] as const,
};

export const taskPlansQueryOptions = () =>
  queryOptions({
    queryKey: keys.plans,
    queryFn: async ({ signal }) =>
      (await api("GET", "/api/v1/task-plans", { schema: taskPlanQuotaListResponse, signal })).items,
  });

/** Every bot with its task settings (the work chat and the alert times). */
export const botTaskSettingsQueryOptions = () =>
  queryOptions({
    queryKey: keys.bots,
    queryFn: async ({ signal }) => {
      const bots = (await api("GET", "/api/v1/bots", { schema: botList, signal })).items;
      return Promise.all(
        bots.map(async (bot) => ({
          bot,
          settings: await api("GET", `/api/v1/bots/${bot.id}/task-settings`, {
            schema: taskSettingsItem,
            signal,
          }),
        })),
      );
    },
  });

export function useSetTaskPlan(saved: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { planCode: string; tasksPerPeriod: number | null; priorityAllowed: boolean }) =>
      api("PUT", `/api/v1/task-plans/${encodeURIComponent(input.planCode)}`, {
        body: { tasks_per_period: input.tasksPerPeriod, priority_allowed: input.priorityAllowed },
        schema: taskPlanQuotaListResponse,
      }),
    meta: { form: true, successMessage: saved },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.plans }),
  });
}

export function useSetBotTaskSettings(saved: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      botId: string;
      workChatId: number | null;
      untaken: number;
      reminder: number;
      timezone: string;
    }) =>
      api("PUT", `/api/v1/bots/${input.botId}/task-settings`, {
        body: {
          work_chat_id: input.workChatId,
          untaken_alert_minutes: input.untaken,
          reminder_minutes_before: input.reminder,
          timezone: input.timezone,
        },
        schema: taskSettingsItem,
      }),
    meta: { form: true, successMessage: saved },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.bots }),
  });
}
