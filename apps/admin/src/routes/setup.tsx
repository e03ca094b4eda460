import { createFileRoute, redirect } from "@tanstack/react-router";
import { SetupPage } from "../components/setup-page.tsx";
import { setupStatusQueryOptions } from "../lib/setup.ts";

export const Route = createFileRoute("/setup")({
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (!status.open) throw redirect({ to: "/login" });
  },
  component: SetupPage,
});
