import { channel, product, type productRequest } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { ProductsSearch } from "../search.ts";

export type Product = z.output<typeof product>;
export type ProductRequest = z.input<typeof productRequest>;
const productPage = z.object({ items: z.array(product), next_cursor: z.string().nullable() });

export const productKeys = {
  all: ["products"] as const,
  list: (search: ProductsSearch) => [...productKeys.all, "list", search] as const,
  channels: () => ["channels", "list"] as const,
};

export const productListQueryOptions = (search: ProductsSearch) =>
  queryOptions({
    queryKey: productKeys.list(search),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/products", { query: toApiQuery(search), schema: productPage, signal }),
    placeholderData: keepPreviousData,
  });

export const channelsQueryOptions = () =>
  queryOptions({
    queryKey: productKeys.channels(),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/channels", { schema: z.object({ items: z.array(channel) }), signal }),
    staleTime: 60_000,
  });

export const saveProduct = (input: { id: string | null; body: ProductRequest }) =>
  input.id
    ? api("PATCH", `/api/v1/products/${input.id}`, { body: input.body, schema: product })
    : api("POST", "/api/v1/products", { body: input.body, schema: product });

export const setProductActive = (input: { id: string; active: boolean }) =>
  api("PATCH", `/api/v1/products/${input.id}`, { body: { active: input.active }, schema: product });

export const reorderProducts = (productIds: string[]) =>
  api("POST", "/api/v1/products/reorder", { body: { product_ids: productIds } });
