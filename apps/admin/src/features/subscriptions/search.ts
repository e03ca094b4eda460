import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

export const subscriptionStates = ["active", "ending", "expired"] as const;
export type SubscriptionState = (typeof subscriptionStates)[number];

/**
 * The subscriptions list's URL: paging and sort, the tab (no state = every plan), and the filters
 * the API takes: bot, plan (a plan product's code), user, and "renews by itself".
 */
export const subscriptionsSearch = tableSearch.extend({
  state: z.enum(subscriptionStates).optional().catch(undefined),
  bot_id: z.uuid().optional().catch(undefined),
  plan_code: z.string().min(1).max(100).optional().catch(undefined),
  user_id: z.uuid().optional().catch(undefined),
  renewing: z.enum(["true", "false"]).optional().catch(undefined),
});

export type SubscriptionsSearch = z.output<typeof subscriptionsSearch>;
