import { z } from "zod";
import { timestamp } from "./common.ts";

const currency = z.enum(["XTR", "RUB"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** The dashboard's period: whole days in the operator's timezone, and a bot (or all of them). */
export const dashboardQuery = z.object({
  from: isoDate.optional().describe("first day, inclusive; default 29 days before `to`"),
  to: isoDate.optional().describe("last day, inclusive; default today in `tz`"),
  tz: z.string().min(1).max(64).default("UTC").describe("IANA time zone, e.g. Europe/Moscow"),
  bot_id: z.uuid().optional(),
});
export type DashboardQuery = z.input<typeof dashboardQuery>;

/**
 * The list that shows the rows behind a figure, and its filter (that list's URL search params).
 * Times are ISO instants, `from` inclusive and `to` exclusive.
 */
export const drillLink = z
  .object({
    list: z.enum(["orders", "users", "subscriptions", "promos", "channels"]),
    filter: z.record(z.string(), z.string()),
  })
  .meta({ id: "DrillLink" });
export type DrillLinkBody = z.infer<typeof drillLink>;

const figure = z.object({ value: z.number().int(), link: drillLink });

const flag = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("payment_mismatch"), count: z.number().int(), link: drillLink }),
  z.object({
    kind: z.literal("promo_overrun"),
    count: z.number().int(),
    link: drillLink,
    items: z.array(
      z.object({
        promo_id: z.uuid(),
        code: z.string(),
        max_uses: z.number().int(),
        redemptions: z.number().int(),
      }),
    ),
  }),
  z.object({
    kind: z.literal("missing_channel_rights"),
    count: z.number().int(),
    link: drillLink,
    items: z.array(
      z.object({ channel_id: z.uuid(), title: z.string(), missing_rights: z.array(z.string()) }),
    ),
  }),
]);

export const dashboard = z
  .object({
    period: z.object({
      from: isoDate,
      to: isoDate,
      tz: z.string(),
      days: z.number().int(),
      starts_at: timestamp,
      ends_at: timestamp,
      bot_id: z.uuid().nullable(),
    }),
    revenue: z.object({
      currencies: z.array(
        z.object({
          currency,
          amount: z.number().int().describe("kopecks for RUB, whole Stars for XTR; refunded orders excluded"),
          orders: z.number().int(),
          refunded: z.number().int(),
          refunded_amount: z.number().int(),
          link: drillLink,
          refunded_link: drillLink,
        }),
      ),
      by_day: z.array(
        z.object({ day: isoDate, currency, amount: z.number().int(), orders: z.number().int() }),
      ),
      paid_orders: z.number().int(),
      paying_users: z.number().int(),
    }),
    paid_orders: figure,
    paying_users: figure,
    audience: z.object({
      new_users: figure,
      active_users: figure,
      trial_conversion: z.object({
        trials: z.number().int(),
        converted: z.number().int(),
        percent: z.number(),
        link: drillLink,
      }),
      assistant: z.object({
        messages: z.number().int(),
        failed: z.number().int(),
        credits: z.number().int(),
        tokens: z.number().int(),
        link: z.null(),
      }),
    }),
    subscriptions: z.object({
      active: figure,
      renewals: figure,
      churn: z.object({ value: z.number().int(), percent: z.number(), link: drillLink }),
    }),
    top_products: z.array(
      z.object({
        product_id: z.uuid(),
        title: z.string(),
        kind: z.enum(["credits", "plan", "course", "digital"]),
        orders: z.number().int(),
        revenue: z.array(z.object({ currency, amount: z.number().int() })),
        link: drillLink,
      }),
    ),
    flags: z.array(flag),
  })
  .meta({ id: "Dashboard" });
export type DashboardBody = z.input<typeof dashboard>;

export const productFunnel = z
  .object({
    items: z.array(
      z.object({
        product_id: z.uuid(),
        title: z.string(),
        viewed: z.number().int(),
        checkout: z.number().int(),
        paid: z.number().int(),
      }),
    ),
  })
  .meta({ id: "ProductFunnel" });
