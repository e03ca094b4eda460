import {
  flagResolution,
  order,
  orderDetails,
  orderListResponse,
  type resolveFlagRequest,
} from "@lumen/contracts";
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { OrdersSearch } from "../search.ts";

export type OrderListItem = z.output<typeof orderListResponse>["items"][number];

export const orderKeys = {
  all: ["orders"] as const,
  list: (search: OrdersSearch) => [...orderKeys.all, "list", search] as const,
  details: (id: string) => [...orderKeys.all, "details", id] as const,
};

export const ordersListQueryOptions = (search: OrdersSearch) =>
  queryOptions({
    queryKey: orderKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/orders", { query: toApiQuery(search), schema: orderListResponse, signal }),
    placeholderData: keepPreviousData,
  });

export const orderDetailsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: orderKeys.details(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/orders/${id}/details`, { schema: orderDetails, signal }),
  });

function useOrderMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { form: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orderKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
}

/** The API's refund, with its rules (admin, paid orders only, provider first). */
export const useRefundOrder = (id: string) =>
  useOrderMutation(() =>
    api("POST", `/api/v1/orders/${id}/refund`, { body: { force: false }, schema: order }),
  );

export const useResolveFlag = (id: string) =>
  useOrderMutation((body: z.input<typeof resolveFlagRequest>) =>
    api("POST", `/api/v1/orders/${id}/flag-resolution`, { body, schema: flagResolution }),
  );
