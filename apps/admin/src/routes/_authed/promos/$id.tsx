import { createFileRoute } from "@tanstack/react-router";
import {
  promoDetailsQueryOptions,
  promoRedemptionsQueryOptions,
} from "../../../features/promos/api/promos-api.ts";
import { PromoPage } from "../../../features/promos/promo-page.tsx";
import { promoRedemptionsSearch } from "../../../features/promos/search.ts";

export const Route = createFileRoute("/_authed/promos/$id")({
  validateSearch: promoRedemptionsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(promoDetailsQueryOptions(params.id)),
      context.queryClient.ensureQueryData(promoRedemptionsQueryOptions(params.id, deps)),
    ]),
  component: PromoPage,
});
