import { createFileRoute } from "@tanstack/react-router";
import { partnerListQueryOptions } from "../../../features/partners/api/partners-api.ts";
import { PartnersPage } from "../../../features/partners/partners-page.tsx";
import { partnersSearch } from "../../../features/partners/search.ts";

export const Route = createFileRoute("/_authed/partners/")({
  validateSearch: partnersSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(partnerListQueryOptions(deps)),
  component: PartnersPage,
});
