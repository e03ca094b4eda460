import { z } from "zod";
import { dashboardQuery } from "./analytics.ts";

const count = z.number().int();

export const funnelReport = z
  .object({
    steps: z.object({ started: count, viewed: count, checkout: count, paid: count }),
    products: z.array(
      z.object({ product_id: z.uuid(), title: z.string(), viewed: count, checkout: count, paid: count }),
    ),
  })
  .meta({ id: "FunnelReport" });

export const revenueReportQuery = dashboardQuery.extend({
  by: z.enum(["day", "product", "source"]).default("day").describe("how paid orders are grouped"),
});

export const revenueReport = z
  .object({
    items: z.array(
      z.object({
        key: z.string().describe("the day (YYYY-MM-DD), product id or source"),
        label: z.string(),
        currency: z.string(),
        orders: count,
        buyers: count,
        amount: count.describe("in the currency's minor units (kopecks) or whole Stars"),
      }),
    ),
  })
  .meta({ id: "RevenueReport" });

export const cohortQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  tz: z.string().min(1).max(64).default("UTC"),
  bot_id: z.uuid().optional(),
});

export const cohortReport = z
  .object({
    items: z.array(
      z.object({
        week: z.string().describe("Monday of the week of the users' first /start"),
        users: count,
        active: z.array(count).describe("index k: users active in week k after their first"),
        paying: z.array(count).describe("index k: users who paid in week k"),
      }),
    ),
  })
  .meta({ id: "CohortReport" });

export const trialConversionReport = z
  .object({ trials: count, converted: count })
  .meta({ id: "TrialConversion" });

export const sourcesReport = z
  .object({
    items: z.array(
      z.object({
        source: z
          .string()
          .nullable()
          .describe("the /start payload of the users' first start (null: none), or a broadcast's id"),
        kind: z.enum(["direct", "partner", "product", "promo", "sign_in", "other", "broadcast"]),
        users: count.describe("new users; for a broadcast: its recipients in the period"),
        paying_users: count.describe("for a broadcast: recipients who paid within 72 h of receiving it"),
        revenue: z.array(z.object({ currency: z.string(), amount: count })),
        broadcast_title: z.string().optional().describe("broadcast rows: the broadcast's title"),
        clicks: count.optional().describe("broadcast rows: recipients who pressed one of its buttons"),
      }),
    ),
  })
  .meta({ id: "SourcesReport" });
