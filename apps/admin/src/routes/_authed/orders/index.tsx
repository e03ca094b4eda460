import { createFileRoute } from "@tanstack/react-router";
import { ordersListQueryOptions } from "../../../features/orders/api/orders.ts";
import { OrdersPage } from "../../../features/orders/orders-page.tsx";
import { ordersSearch } from "../../../features/orders/search.ts";

export const Route = createFileRoute("/_authed/orders/")({
  validateSearch: ordersSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(ordersListQueryOptions(deps)),
  component: OrdersPage,
});
