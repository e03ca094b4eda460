import { createFileRoute, redirect } from "@tanstack/react-router";
import { DashboardPage } from "../../features/dashboard/dashboard-page.tsx";
import { dashboardSearch } from "../../features/dashboard/search.ts";
import { can } from "../../lib/auth.ts";

export const Route = createFileRoute("/_authed/")({
  validateSearch: dashboardSearch,
  // The dashboard is sales data: a reviewer starts from the review queue, an assistant from their account.
  beforeLoad: ({ context }) => {
    if (context.me?.role === "reviewer") throw redirect({ to: "/courses/reviews" });
    if (!can(context.me, "operator")) throw redirect({ to: "/account" });
  },
  component: DashboardPage,
});
