import {
  promo,
  type promoPatchRequest,
  promoRedemption,
  type promoRequest,
  promoStats,
} from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { PromoRedemptionsSearch, PromosSearch } from "../search.ts";

export type PromoStatsRow = z.output<typeof promoStats>;
export type PromoRequest = z.input<typeof promoRequest>;
export type PromoValues = z.output<typeof promoRequest>;

const promoPage = z.object({ items: z.array(promoStats), next_cursor: z.string().nullable() });

export const promoKeys = {
  all: ["promos"] as const,
  list: (search: PromosSearch) => [...promoKeys.all, "list", search] as const,
  details: (id: string) => [...promoKeys.all, "details", id] as const,
  redemptions: (id: string, search: PromoRedemptionsSearch) =>
    [...promoKeys.all, "redemptions", id, search] as const,
};

export const promoListQueryOptions = (search: PromosSearch) =>
  queryOptions({
    queryKey: promoKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/promos", { query: toApiQuery(search), schema: promoPage, signal }),
    placeholderData: keepPreviousData,
  });

/**
 * Creates a code, or with an id changes its terms: the PATCH takes only what may change (never
 * the code nor its kind), so those are left out of the body.
 */
export const savePromo = ({ id, values }: { id: string | null; values: PromoValues }) => {
  if (id === null) return api("POST", "/api/v1/promos", { body: values, schema: promo });
  const { code: _code, kind: _kind, ...terms } = values;
  const body: z.input<typeof promoPatchRequest> = {
    value: terms.value,
    max_uses: terms.max_uses ?? null,
    once_per_user: terms.once_per_user ?? true,
    ...(values.kind === "fixed_off" ? { currency: terms.currency ?? null } : {}),
  };
  return api("PATCH", `/api/v1/promos/${id}`, { body, schema: promo });
};

export const setPromoActive = (input: { id: string; active: boolean }) =>
  api("PATCH", `/api/v1/promos/${input.id}`, { body: { active: input.active }, schema: promo });

export type PromoRedemptionRow = z.output<typeof promoRedemption>;
const redemptionPage = z.object({ items: z.array(promoRedemption), next_cursor: z.string().nullable() });

export const promoDetailsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: promoKeys.details(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/promos/${id}`, { schema: promoStats, signal }),
  });

export const promoRedemptionsQueryOptions = (id: string, search: PromoRedemptionsSearch) =>
  queryOptions({
    queryKey: promoKeys.redemptions(id, search),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/promos/${id}/redemptions`, {
        query: { cursor: search.cursor, limit: search.limit },
        schema: redemptionPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
