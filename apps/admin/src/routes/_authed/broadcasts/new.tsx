import { createFileRoute } from "@tanstack/react-router";
import { botsQueryOptions } from "../../../features/broadcasts/api/broadcasts-api.ts";
import { ComposerPage } from "../../../features/broadcasts/composer-page.tsx";

export const Route = createFileRoute("/_authed/broadcasts/new")({
  loader: ({ context }) => context.queryClient.ensureQueryData(botsQueryOptions()),
  component: () => <ComposerPage />,
});
