import { createFileRoute } from "@tanstack/react-router";
import { submissionsQueryOptions } from "../../../features/courses/api/courses-api.ts";
import { ReviewsPage } from "../../../features/courses/reviews-page.tsx";

export const Route = createFileRoute("/_authed/courses/reviews")({
  loader: ({ context }) => context.queryClient.ensureQueryData(submissionsQueryOptions()),
  component: ReviewsPage,
});
