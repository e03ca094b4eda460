import { createFileRoute } from "@tanstack/react-router";
import { playgroundStateQueryOptions } from "../../../features/playground/api/playground-api.ts";
import { PlaygroundPage } from "../../../features/playground/playground-page.tsx";

export const Route = createFileRoute("/_authed/playground/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(playgroundStateQueryOptions()),
  component: PlaygroundPage,
});
