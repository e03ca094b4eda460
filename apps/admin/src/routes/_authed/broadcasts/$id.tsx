import { createFileRoute } from "@tanstack/react-router";
import {
  broadcastQueryOptions,
  broadcastReportQueryOptions,
} from "../../../features/broadcasts/api/broadcasts-api.ts";
import { BroadcastPage } from "../../../features/broadcasts/broadcast-page.tsx";

export const Route = createFileRoute("/_authed/broadcasts/$id")({
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(broadcastQueryOptions(params.id)),
      context.queryClient.ensureQueryData(broadcastReportQueryOptions(params.id)),
    ]),
  component: BroadcastPage,
});
