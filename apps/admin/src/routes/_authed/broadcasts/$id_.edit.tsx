import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { botsQueryOptions, broadcastQueryOptions } from "../../../features/broadcasts/api/broadcasts-api.ts";
import { ComposerPage } from "../../../features/broadcasts/composer-page.tsx";

export const Route = createFileRoute("/_authed/broadcasts/$id_/edit")({
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(broadcastQueryOptions(params.id)),
      context.queryClient.ensureQueryData(botsQueryOptions()),
    ]),
  component: EditBroadcast,
});

function EditBroadcast() {
  const { id } = Route.useParams();
  const broadcast = useSuspenseQuery(broadcastQueryOptions(id)).data;
  return <ComposerPage broadcast={broadcast} />;
}
