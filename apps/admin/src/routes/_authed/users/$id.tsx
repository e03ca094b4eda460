import { createFileRoute } from "@tanstack/react-router";
import { userOverviewQueryOptions } from "../../../features/users/api/users.ts";
import { UserPage } from "../../../features/users/user-page.tsx";

export const Route = createFileRoute("/_authed/users/$id")({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(userOverviewQueryOptions(params.id)),
  component: UserPage,
});
