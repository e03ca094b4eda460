import { createFileRoute } from "@tanstack/react-router";
import { textBotsQueryOptions } from "../../../features/texts/api/texts-api.ts";
import { textsSearch } from "../../../features/texts/search.ts";
import { TextsPage } from "../../../features/texts/texts-page.tsx";

export const Route = createFileRoute("/_authed/texts/")({
  validateSearch: textsSearch,
  loader: ({ context }) => context.queryClient.ensureQueryData(textBotsQueryOptions()),
  component: TextsPage,
});
