import { createFileRoute } from "@tanstack/react-router";
import { usersListQueryOptions } from "../../../features/users/api/users.ts";
import { usersSearch } from "../../../features/users/search.ts";
import { UsersPage } from "../../../features/users/users-page.tsx";

export const Route = createFileRoute("/_authed/users/")({
  validateSearch: usersSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(usersListQueryOptions(deps)),
  component: UsersPage,
});
