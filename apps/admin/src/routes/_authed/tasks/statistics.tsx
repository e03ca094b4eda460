import { createFileRoute } from "@tanstack/react-router";
import { statisticsQueryOptions } from "../../../features/tasks/api/tasks-api.ts";
import { statisticsSearch } from "../../../features/tasks/search.ts";
import { StatisticsPage } from "../../../features/tasks/statistics-page.tsx";

export const Route = createFileRoute("/_authed/tasks/statistics")({
  validateSearch: statisticsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(statisticsQueryOptions(deps)),
  component: StatisticsPage,
});
