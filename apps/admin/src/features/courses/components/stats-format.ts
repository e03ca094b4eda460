import type { useCoursesT } from "../i18n.ts";

type T = ReturnType<typeof useCoursesT>;

/** A turnaround in seconds as people read it: minutes, hours and minutes, or days and hours. */
export function formatDuration(t: T, seconds: number | null): string {
  if (seconds === null) return t("stats.none");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t("stats.minutes", { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("stats.hours", { h: hours, m: minutes % 60 });
  return t("stats.days", { d: Math.floor(hours / 24), h: hours % 24 });
}

/** A share of a whole as a whole percent; a dash when there is no whole. */
export const percentOf = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—";
