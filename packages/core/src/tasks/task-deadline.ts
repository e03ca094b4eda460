import { zonedHour } from "../courses/zoned-time.ts";

/**
 * A deadline the subscriber typed ("2026-12-31 18:00"), read on the clocks of `timezone` (the
 * bot's task zone; subscribers have none of their own), as the instant it names. Null when it
 * cannot be read or names no real day; whether it is in the future is the caller's check.
 */
export function parseTaskDeadline(input: string, timezone: string): Date | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})\s*$/.exec(input);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  const at = zonedHour({ year, month, day }, hour, timezone);
  return new Date(at.getTime() + minute * 60_000);
}

/** An instant as the zone's clocks show it: "2026-12-31 18:00 (Europe/Moscow)". */
export function formatTaskDeadline(deadline: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(deadline);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} (${timezone})`;
}
