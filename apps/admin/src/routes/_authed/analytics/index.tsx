import { createFileRoute } from "@tanstack/react-router";
import { AnalyticsPage } from "../../../features/analytics/analytics-page.tsx";
import { analyticsSearch } from "../../../features/analytics/search.ts";

export const Route = createFileRoute("/_authed/analytics/")({
  validateSearch: analyticsSearch,
  component: AnalyticsPage,
});
