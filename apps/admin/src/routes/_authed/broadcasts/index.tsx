import { createFileRoute } from "@tanstack/react-router";
import { broadcastListQueryOptions } from "../../../features/broadcasts/api/broadcasts-api.ts";
import { BroadcastsPage } from "../../../features/broadcasts/broadcasts-page.tsx";

export const Route = createFileRoute("/_authed/broadcasts/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(broadcastListQueryOptions()),
  component: BroadcastsPage,
});
