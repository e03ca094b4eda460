import { partnerRow } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { PartnersSearch } from "../search.ts";

export type Partner = z.output<typeof partnerRow>;
const partnerPage = z.object({ items: z.array(partnerRow), next_cursor: z.string().nullable() });

export const partnerKeys = {
  all: ["partners"] as const,
  list: (search: PartnersSearch) => [...partnerKeys.all, "list", search] as const,
};

/** The table's `sort=signups.desc` becomes the API's `sort=signups` (partners sort largest first). */
export function partnersApiQuery(search: PartnersSearch) {
  const { sort, ...rest } = search;
  return toApiQuery({ ...rest, sort: sort?.split(".")[0] });
}

export const partnerListQueryOptions = (search: PartnersSearch) =>
  queryOptions({
    queryKey: partnerKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/partners", { query: partnersApiQuery(search), schema: partnerPage, signal }),
    placeholderData: keepPreviousData,
  });

export type PayoutRequest = {
  partnerId: string;
  amount: number;
  currency: "XTR" | "RUB";
  note?: string | undefined;
  idempotency_key: string;
};
const partnerStats = z.object({
  money: z.array(partnerRow.shape.money.element),
});

/** Records a payout; the answer is the partner's figures after it (the same key twice records once). */
export const recordPayout = ({ partnerId, ...body }: PayoutRequest) =>
  api("POST", `/api/v1/partners/${partnerId}/payouts`, { body, schema: partnerStats });
