import { createFileRoute } from "@tanstack/react-router";
import { settingsQueryOptions } from "../../../features/settings/api/settings.ts";
import { SettingsPage } from "../../../features/settings/settings-page.tsx";

export const Route = createFileRoute("/_authed/settings/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(settingsQueryOptions()),
  component: SettingsPage,
});
