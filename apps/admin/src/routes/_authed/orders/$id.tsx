import { createFileRoute } from "@tanstack/react-router";
import { orderDetailsQueryOptions } from "../../../features/orders/api/orders.ts";
import { OrderPage } from "../../../features/orders/order-page.tsx";

export const Route = createFileRoute("/_authed/orders/$id")({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(orderDetailsQueryOptions(params.id)),
  component: OrderPage,
});
