import { createFileRoute } from "@tanstack/react-router";
import { taskQueryOptions } from "../../../features/tasks/api/tasks-api.ts";
import { TaskPage } from "../../../features/tasks/task-page.tsx";

export const Route = createFileRoute("/_authed/tasks/$id")({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(taskQueryOptions(params.id)),
  component: TaskPage,
});
