/** A calendar date, as in a wall calendar of some time zone. */
export type LocalDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True for a zone this runtime knows (IANA names such as "Europe/Moscow"). */
export function isValidTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(at: Date, timezone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(at: Date, timezone: string): number {
  const w = wallClock(at, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The date on the zone's calendar at that instant. */
export function localDateOf(at: Date, timezone: string): LocalDate {
  const w = wallClock(at, timezone);
  return { year: w.year, month: w.month, day: w.day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant the zone's clocks show `hour`:00 on that date. Offsets are read at the instant
 * itself (twice: the first guess may sit across a DST change); an hour that does not exist
 * that day (clocks jumped over it) becomes the first hour after the jump.
 */
export function zonedHour(date: LocalDate, hour: number, timezone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
  let guess = wall - offsetAt(new Date(wall), timezone);
  guess = wall - offsetAt(new Date(guess), timezone);
  const shown = wallClock(new Date(guess), timezone);
  if (shown.hour !== hour) {
    // In a gap: the later offset puts us after the jump.
    const after = wall - offsetAt(new Date(guess + 3 * 3_600_000), timezone);
    return new Date(Math.max(guess, after));
  }
  return new Date(guess);
}
