import { createFileRoute } from "@tanstack/react-router";
import { subscriptionListQueryOptions } from "../../../features/subscriptions/api/subscriptions-api.ts";
import { subscriptionsSearch } from "../../../features/subscriptions/search.ts";
import { SubscriptionsPage } from "../../../features/subscriptions/subscriptions-page.tsx";

export const Route = createFileRoute("/_authed/subscriptions/")({
  validateSearch: subscriptionsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(subscriptionListQueryOptions(deps)),
  component: SubscriptionsPage,
});
