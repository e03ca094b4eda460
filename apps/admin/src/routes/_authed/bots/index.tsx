import { createFileRoute } from "@tanstack/react-router";
import { botListQueryOptions } from "../../../features/bots/api/bots.ts";
import { BotsPage } from "../../../features/bots/bots-page.tsx";

export const Route = createFileRoute("/_authed/bots/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(botListQueryOptions()),
  component: BotsPage,
});
