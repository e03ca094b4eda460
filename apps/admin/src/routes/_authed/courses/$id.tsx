import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import {
  courseQueryOptions,
  lessonsQueryOptions,
  tariffsQueryOptions,
} from "../../../features/courses/api/courses-api.ts";
import { CoursePage } from "../../../features/courses/course-page.tsx";

/** Which tab of the course page is open: none (or a bad value) is the course itself. */
const courseSearch = z.object({ tab: z.enum(["course", "stats"]).optional().catch(undefined) });

export const Route = createFileRoute("/_authed/courses/$id")({
  validateSearch: courseSearch,
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(courseQueryOptions(params.id)),
      context.queryClient.ensureQueryData(lessonsQueryOptions(params.id)),
      context.queryClient.ensureQueryData(tariffsQueryOptions(params.id)),
    ]),
  component: CoursePage,
});
