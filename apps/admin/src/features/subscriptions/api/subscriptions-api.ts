import {
  botList,
  type endSubscriptionRequest,
  type extendSubscriptionRequest,
  product,
  subscriptionItem,
  subscriptionListResponse,
} from "@lumen/contracts";
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { SubscriptionsSearch } from "../search.ts";

export type Subscription = z.output<typeof subscriptionListResponse>["items"][number];
export type ExtendValues = z.input<typeof extendSubscriptionRequest>;
export type EndValues = z.input<typeof endSubscriptionRequest>;

const planPage = z.object({ items: z.array(product), next_cursor: z.string().nullable() });

export const subscriptionKeys = {
  all: ["subscriptions"] as const,
  list: (search: SubscriptionsSearch) => [...subscriptionKeys.all, "list", search] as const,
  plans: () => [...subscriptionKeys.all, "plans"] as const,
  bots: () => [...subscriptionKeys.all, "bots"] as const,
};

export const subscriptionListQueryOptions = (search: SubscriptionsSearch) =>
  queryOptions({
    queryKey: subscriptionKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/subscriptions", {
        query: toApiQuery(search),
        schema: subscriptionListResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** The plan filter's choices: plan products' codes (one code may be sold by several products). */
export const planOptionsQueryOptions = () =>
  queryOptions({
    queryKey: subscriptionKeys.plans(),
    queryFn: async ({ signal }) => {
      const page = await api("GET", "/api/v1/products", {
        query: { kind: "plan", limit: 200 },
        schema: planPage,
        signal,
      });
      const byCode = new Map<string, string>();
      for (const p of page.items)
        if (p.details.kind === "plan" && !byCode.has(p.details.plan_code))
          byCode.set(p.details.plan_code, p.title);
      return [...byCode].map(([code, title]) => ({ code, title }));
    },
    staleTime: 300_000,
  });

/** The bot filter's choices (the bots API is for admins; operators get no bot filter). */
export const botOptionsQueryOptions = (enabled: boolean) =>
  queryOptions({
    queryKey: subscriptionKeys.bots(),
    queryFn: async ({ signal }) => (await api("GET", "/api/v1/bots", { schema: botList, signal })).items,
    staleTime: 300_000,
    enabled,
  });

/** Every change to a plan refreshes the lists and the user pages that show it. */
function usePlanMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { form: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: subscriptionKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
}

export const useExtendSubscription = (id: string) =>
  usePlanMutation((body: ExtendValues) =>
    api("POST", `/api/v1/subscriptions/${id}/extend`, { body, schema: subscriptionItem }),
  );

export const useEndSubscription = (id: string) =>
  usePlanMutation((body: EndValues) =>
    api("POST", `/api/v1/subscriptions/${id}/end`, { body, schema: subscriptionItem }),
  );

export const useCancelRenewal = () =>
  usePlanMutation((id: string) =>
    api("POST", `/api/v1/subscriptions/${id}/cancel-renewal`, { schema: subscriptionItem }),
  );
