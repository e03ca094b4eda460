import { createFileRoute } from "@tanstack/react-router";
import { channelQueryOptions } from "../../../features/channels/api/channels.ts";
import { ChannelPage } from "../../../features/channels/channel-page.tsx";
import { channelSearch } from "../../../features/channels/search.ts";

export const Route = createFileRoute("/_authed/channels/$id")({
  validateSearch: channelSearch,
  loader: ({ context, params }) => context.queryClient.ensureQueryData(channelQueryOptions(params.id)),
  component: ChannelPage,
});
