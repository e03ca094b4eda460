import { createFileRoute } from "@tanstack/react-router";
import { channelListQueryOptions } from "../../../features/channels/api/channels.ts";
import { ChannelsPage } from "../../../features/channels/channels-page.tsx";

export const Route = createFileRoute("/_authed/channels/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(channelListQueryOptions()),
  component: ChannelsPage,
});
