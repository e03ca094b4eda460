import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { rowsOf } from "../shared/sql-rows.ts";

const DAY_MS = 86_400_000;
/** The longest period a dashboard covers: a year, so a query never scans the whole history by accident. */
export const MAX_PERIOD_DAYS = 366;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const periodInput = z.object({
  /** First day, inclusive, in the operator's timezone; default: 29 days before `to`. */
  from: isoDate.optional(),
  /** Last day, inclusive, in the operator's timezone; default: today there. */
  to: isoDate.optional(),
  /** IANA timezone of the operator, e.g. Europe/Moscow. Days start at midnight there. */
  tz: z.string().min(1).max(64).default("UTC"),
  botId: z.uuid().optional(),
});

export type PeriodInput = z.input<typeof periodInput>;

/** A period of whole days in one timezone, and the instants it spans: startsAt <= t < endsAt. */
export type Period = {
  from: string;
  to: string;
  tz: string;
  days: number;
  startsAt: Date;
  endsAt: Date;
  botId: string | null;
};

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isCalendarDate = (date: string) =>
  !Number.isNaN(dayOf(date)) && new Date(dayOf(date)).toISOString().slice(0, 10) === date;
const shift = (date: string, days: number) =>
  new Date(dayOf(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Today's date in a timezone, as the operator's calendar shows it. */
export const todayIn = (tz: string, now: Date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

/**
 * Turns the operator's calendar days into instants with PostgreSQL's own time zone rules (the
 * same rules that bucket rows by day), so a day boundary in Moscow or across a DST change is where
 * the database puts it.
 */
export async function resolvePeriod(db: Database, now: Date, input: PeriodInput): Promise<Period> {
  const parsed = parseInput(periodInput, input);
  if (!isTimeZone(parsed.tz)) throw validationFailed("tz", `${parsed.tz} is not an IANA time zone`);
  const to = parsed.to ?? todayIn(parsed.tz, now);
  const from = parsed.from ?? shift(to, -29);
  if (!isCalendarDate(from)) throw validationFailed("from", "not a calendar date");
  if (!isCalendarDate(to)) throw validationFailed("to", "not a calendar date");
  const days = Math.round((dayOf(to) - dayOf(from)) / DAY_MS) + 1;
  if (days < 1) throw validationFailed("to", "must not be before from");
  if (days > MAX_PERIOD_DAYS) throw validationFailed("from", `a period is at most ${MAX_PERIOD_DAYS} days`);
  const [bounds] = rowsOf<{ starts_at: string | Date; ends_at: string | Date }>(
    await db.execute(sql`
      select (${from}::date::timestamp at time zone ${parsed.tz}) as starts_at,
             ((${to}::date + 1)::timestamp at time zone ${parsed.tz}) as ends_at`),
  );
  if (!bounds) throw new Error("the period query returned no row");
  return {
    from,
    to,
    tz: parsed.tz,
    days,
    startsAt: new Date(bounds.starts_at),
    endsAt: new Date(bounds.ends_at),
    botId: parsed.botId ?? null,
  };
}

/** Every day of the period, in order: the chart shows days without sales as zero. */
export const daysOf = (period: Pick<Period, "from" | "days">) =>
  Array.from({ length: period.days }, (_, i) => shift(period.from, i));
