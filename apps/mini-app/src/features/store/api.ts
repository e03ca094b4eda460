import type {
  storeAccount,
  storeCatalog,
  storeChats,
  storeCheckoutRequest,
  storeCheckoutResponse,
  storeLedger,
  storeOrder,
  storeOrderList,
  storePartner,
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

export type StoreLedger = z.input<typeof storeLedger>;
export type StoreOrderSummary = z.input<typeof storeOrderList>["items"][number];

export const ledgerQuery = queryOptions({
  queryKey: ["ledger"],
  queryFn: () => storeApi<StoreLedger>("GET", "/ledger?limit=20"),
});

export const ordersQuery = queryOptions({
  queryKey: ["orders"],
  queryFn: async () => (await storeApi<z.input<typeof storeOrderList>>("GET", "/orders?limit=20")).items,
});

export const stopRenewing = (planId: string) => storeApi<unknown>("POST", `/plans/${planId}/cancel-renewal`);

export type StoreChat = z.input<typeof storeChats>["items"][number];

export const chatsQuery = queryOptions({
  queryKey: ["chats"],
  queryFn: async () => (await storeApi<z.input<typeof storeChats>>("GET", "/chats")).items,
  // Right after a payment the bot is still making the personal links: look again for a while.
  refetchInterval: (query) =>
    query.state.data?.some((c) => !c.invite_link && !c.joined) && query.state.dataUpdateCount < 10
      ? 3000
      : false,
});

export const newChatLink = (chatId: number) => storeApi<StoreChat>("POST", `/chats/${chatId}/invite`);

export type StorePartner = z.input<typeof storePartner>;

export const partnerQuery = queryOptions({
  queryKey: ["partner"],
  queryFn: () => storeApi<StorePartner>("GET", "/partner"),
});

export const saveLanguage = (locale: "en" | "ru") => storeApi<unknown>("PUT", "/language", { locale });
