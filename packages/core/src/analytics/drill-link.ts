import type { Period } from "./resolve-period.ts";

/** The admin list that shows the rows behind a figure. */
export type DrillList = "orders" | "users" | "subscriptions" | "promos" | "channels";

/**
 * Where a figure comes from: the list and the filter (URL search params of that list) that show
 * exactly the rows it counts. Times are ISO instants; `from` is inclusive and `to` exclusive. The
 * column each list filters on: orders: paid_at for status=paid, refunded_at for status=refunded,
 * created_at otherwise; users: first_seen_at (active_from/active_to: seen, wrote or ordered then;
 * trial_from/trial_to: trial started then); subscriptions: ends_at.
 */
export type DrillLink = { list: DrillList; filter: Record<string, string> };

export function drill(
  list: DrillList,
  filter: Record<string, string | null | undefined>,
  period?: Period,
): DrillLink {
  const scoped: Record<string, string | null | undefined> = {
    ...filter,
    ...(period ? { from: period.startsAt.toISOString(), to: period.endsAt.toISOString() } : {}),
    ...(period?.botId ? { bot_id: period.botId } : {}),
  };
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(scoped)) if (value) clean[key] = value;
  return { list, filter: clean };
}
