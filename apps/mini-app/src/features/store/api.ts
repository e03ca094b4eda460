import type {
  storeAccount,
  storeCatalog,
  storeCheckoutRequest,
  storeCheckoutResponse,
  storeOrder,
  storeProduct,
} from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { storeApi } from "../../lib/api.ts";

/** Shapes as they travel (dates are ISO strings): the contracts' input side, types only. */
export type StoreProduct = z.input<typeof storeProduct>;
export type StoreOrder = z.input<typeof storeOrder>;
export type StoreAccount = z.input<typeof storeAccount>;
export type CheckoutRequest = z.input<typeof storeCheckoutRequest>;
export type CheckoutResponse = z.input<typeof storeCheckoutResponse>;

export const catalogQuery = queryOptions({
  queryKey: ["catalog"],
  queryFn: async () => (await storeApi<z.input<typeof storeCatalog>>("GET", "/catalog")).items,
});

export const productQuery = (id: string) =>
  queryOptions({
    queryKey: ["product", id],
    queryFn: () => storeApi<StoreProduct>("GET", `/products/${id}`),
  });

export const accountQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => storeApi<StoreAccount>("GET", "/me"),
});

export const orderQuery = (id: string) =>
  queryOptions({
    queryKey: ["order", id],
    queryFn: () => storeApi<StoreOrder>("GET", `/orders/${id}`),
  });

export const startCheckout = (body: CheckoutRequest) => storeApi<CheckoutResponse>("POST", "/checkout", body);
