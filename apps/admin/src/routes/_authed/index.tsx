import { createFileRoute } from "@tanstack/react-router";
import { DashboardPage } from "../../features/dashboard/dashboard-page.tsx";
import { dashboardSearch } from "../../features/dashboard/search.ts";

export const Route = createFileRoute("/_authed/")({
  validateSearch: dashboardSearch,
  component: DashboardPage,
});
