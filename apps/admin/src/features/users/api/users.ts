import {
  type blockUserRequest,
  type creditAdjustmentRequest,
  creditEntry,
  ledgerResponse,
  type sendUserMessageRequest,
  user,
  userListResponse,
  userMessage,
  userOverview,
} from "@lumen/contracts";
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { UsersSearch } from "../search.ts";

export type UserListItem = z.output<typeof userListResponse>["items"][number];
export type UserOverview = z.output<typeof userOverview>;

export const userKeys = {
  all: ["users"] as const,
  list: (search: UsersSearch) => [...userKeys.all, "list", search] as const,
  overview: (id: string) => [...userKeys.all, "overview", id] as const,
  ledger: (id: string, beforeId?: number) => [...userKeys.all, "ledger", id, beforeId ?? null] as const,
};

export const usersListQueryOptions = (search: UsersSearch) =>
  queryOptions({
    queryKey: userKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/users", { query: toApiQuery(search), schema: userListResponse, signal }),
    placeholderData: keepPreviousData,
  });

export const userOverviewQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userKeys.overview(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/users/${id}/overview`, { schema: userOverview, signal }),
  });

export const userLedgerQueryOptions = (id: string, beforeId?: number) =>
  queryOptions({
    queryKey: userKeys.ledger(id, beforeId),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/users/${id}/ledger`, {
        query: { before_id: beforeId, limit: 20 },
        schema: ledgerResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** Every mutation on a user refreshes that user's page and the lists. */
function useUserMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { form: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export const useAdjustCredits = (id: string) =>
  useUserMutation((body: z.input<typeof creditAdjustmentRequest>) =>
    api("POST", `/api/v1/users/${id}/credits/adjustments`, { body, schema: creditEntry }),
  );

export const useBlockUser = (id: string) =>
  useUserMutation((body: z.input<typeof blockUserRequest>) =>
    api("POST", `/api/v1/users/${id}/block`, { body, schema: user }),
  );

export const useSendUserMessage = (id: string) =>
  useUserMutation((body: z.input<typeof sendUserMessageRequest>) =>
    api("POST", `/api/v1/users/${id}/bot-messages`, { body, schema: userMessage }),
  );
