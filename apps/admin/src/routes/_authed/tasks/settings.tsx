import { createFileRoute } from "@tanstack/react-router";
import { TaskSettingsPage } from "../../../features/tasks/task-settings-page.tsx";

export const Route = createFileRoute("/_authed/tasks/settings")({
  component: TaskSettingsPage,
});
