import { getLocale, type MessageKey, t } from "../../lib/i18n.ts";
import type { TaskStatus } from "./api.ts";

export const statusLabel = (status: TaskStatus) => t(`tasks.statuses.${status}` as MessageKey);

/** The browser's own time zone: deadlines are typed and shown in the subscriber's time. */
export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A deadline in the subscriber's time and language, with the zone named so it is not misread. */
export function formatDeadline(value: string | Date): string {
  return new Intl.DateTimeFormat(getLocale(), {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(value));
}

/** A `datetime-local` value (the subscriber's wall clock) as an instant with its offset. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Status colours: what needs the subscriber stands out, closed tasks fade. */
export const statusTone: Record<TaskStatus, string> = {
  new: "bg-muted text-foreground",
  in_progress: "bg-primary/10 text-primary",
  waiting: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  done: "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300",
  cancelled: "bg-muted text-muted-foreground",
};
