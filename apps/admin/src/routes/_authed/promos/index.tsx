import { createFileRoute } from "@tanstack/react-router";
import { promoListQueryOptions } from "../../../features/promos/api/promos-api.ts";
import { PromosPage } from "../../../features/promos/promos-page.tsx";
import { promosSearch } from "../../../features/promos/search.ts";

export const Route = createFileRoute("/_authed/promos/")({
  validateSearch: promosSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(promoListQueryOptions(deps)),
  component: PromosPage,
});
