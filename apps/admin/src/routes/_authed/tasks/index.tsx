import { createFileRoute } from "@tanstack/react-router";
import { taskBoardQueryOptions } from "../../../features/tasks/api/tasks-api.ts";
import { tasksSearch } from "../../../features/tasks/search.ts";
import { TasksBoard } from "../../../features/tasks/tasks-board.tsx";

export const Route = createFileRoute("/_authed/tasks/")({
  validateSearch: tasksSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(taskBoardQueryOptions(deps)),
  component: TasksBoard,
});
