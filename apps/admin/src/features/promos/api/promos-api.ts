import { promo, type promoRequest, promoStats } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { PromosSearch } from "../search.ts";

export type PromoStatsRow = z.output<typeof promoStats>;
export type PromoRequest = z.input<typeof promoRequest>;
export type PromoValues = z.output<typeof promoRequest>;

const promoPage = z.object({ items: z.array(promoStats), next_cursor: z.string().nullable() });

export const promoKeys = {
  all: ["promos"] as const,
  list: (search: PromosSearch) => [...promoKeys.all, "list", search] as const,
};

export const promoListQueryOptions = (search: PromosSearch) =>
  queryOptions({
    queryKey: promoKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/promos", { query: toApiQuery(search), schema: promoPage, signal }),
    placeholderData: keepPreviousData,
  });

export const createPromo = (body: PromoValues) => api("POST", "/api/v1/promos", { body, schema: promo });

export const setPromoActive = (input: { id: string; active: boolean }) =>
  api("PATCH", `/api/v1/promos/${input.id}`, { body: { active: input.active }, schema: promo });
