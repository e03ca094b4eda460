import { z } from "zod";

/** The board's URL: the filters the API takes (assistant, plan, overdue). */
export const tasksSearch = z.object({
  assignee_id: z.uuid().optional().catch(undefined),
  plan_code: z.string().min(1).max(100).optional().catch(undefined),
  overdue: z.enum(["true"]).optional().catch(undefined),
});
export type TasksSearch = z.output<typeof tasksSearch>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The statistics page's period, whole UTC days, the last 30 by default. */
export const statisticsSearch = z.object({
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
});
export type StatisticsSearch = z.output<typeof statisticsSearch>;

export function periodOf(search: StatisticsSearch): { from: string; to: string } {
  const from = search.from ?? daysAgo(29);
  const to = search.to ?? daysAgo(0);
  return { from, to };
}
