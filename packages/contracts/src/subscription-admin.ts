import { z } from "zod";
import { timestamp } from "./common.ts";
import { pageQuery, queryFlag, sortParam } from "./list-query.ts";
import { cursorPage } from "./pagination.ts";

export const listSubscriptionsQuery = z.object({
  state: z.enum(["active", "ending", "expired"]).optional(),
  ending_within_days: z.coerce.number().int().min(1).max(365).default(7),
  plan_code: z.string().min(1).max(100).optional().describe("the plan product's plan_code"),
  bot_id: z.uuid().optional(),
  user_id: z.uuid().optional(),
  renewing: queryFlag.describe("renews by itself (a Telegram Star subscription)"),
  sort: sortParam(["ends", "starts", "created"], "ends.asc"),
  ...pageQuery,
});
export const exportSubscriptionsQuery = listSubscriptionsQuery.omit({ cursor: true, limit: true });

export const subscriptionItem = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    plan_code: z.string(),
    title: z.string(),
    status: z.enum(["trial", "active", "past_due", "expired", "cancelled"]),
    starts_at: timestamp,
    ends_at: timestamp,
    period_days: z.number().int(),
    bot_id: z.uuid().nullable(),
    channel_ids: z.array(z.number().int()),
    renews: z.boolean().describe("a Telegram Star subscription that renews by itself"),
    access_revoked_at: timestamp.nullable(),
  })
  .meta({ id: "Subscription" });

export const subscriptionListItem = subscriptionItem
  .extend({
    user: z.object({
      telegram_id: z.number().int(),
      first_name: z.string(),
      username: z.string().nullable(),
    }),
  })
  .meta({ id: "SubscriptionListItem" });
export const subscriptionListResponse = cursorPage(subscriptionListItem);

export const extendSubscriptionRequest = z.object({
  days: z.number().int().min(1).max(3660),
  reason: z.string().trim().min(1).max(500),
  /** The same key twice extends once. */
  idempotency_key: z.string().trim().min(1).max(200).optional(),
});
export const endSubscriptionRequest = z.object({ reason: z.string().trim().min(1).max(500) });
