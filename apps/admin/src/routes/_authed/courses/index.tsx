import { createFileRoute } from "@tanstack/react-router";
import { courseListQueryOptions } from "../../../features/courses/api/courses-api.ts";
import { CoursesPage } from "../../../features/courses/courses-page.tsx";

export const Route = createFileRoute("/_authed/courses/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(courseListQueryOptions()),
  component: CoursesPage,
});
