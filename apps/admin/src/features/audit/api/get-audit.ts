import { auditFacetsResponse, auditListResponse } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { AuditSearch } from "../search.ts";

export type AuditEntry = z.output<typeof auditListResponse>["items"][number];

export const auditKeys = {
  all: ["audit"] as const,
  list: (search: AuditSearch) => [...auditKeys.all, "list", search] as const,
  facets: () => [...auditKeys.all, "facets"] as const,
};

/** The URL's state as the API's query: `actor=admin:<id>` splits into actor_type and actor_id. */
export function auditApiQuery(search: AuditSearch) {
  const { actor, q, ...rest } = search;
  const [actorType, ...actorId] = actor?.split(":") ?? [];
  return toApiQuery({
    ...rest,
    actor_type: actorType,
    actor_id: actorId.join(":") || undefined,
    entity_id: q,
  });
}

export const auditListQueryOptions = (search: AuditSearch) =>
  queryOptions({
    queryKey: auditKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/audit", { query: auditApiQuery(search), schema: auditListResponse, signal }),
    placeholderData: keepPreviousData,
  });

export const auditFacetsQueryOptions = () =>
  queryOptions({
    queryKey: auditKeys.facets(),
    queryFn: ({ signal }) => api("GET", "/api/v1/audit/facets", { schema: auditFacetsResponse, signal }),
    staleTime: 60_000,
  });
