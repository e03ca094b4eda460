import { createFileRoute } from "@tanstack/react-router";
import { operatorListQueryOptions } from "../../../features/operators/api/operators.ts";
import { OperatorsPage } from "../../../features/operators/operators-page.tsx";

export const Route = createFileRoute("/_authed/operators/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(operatorListQueryOptions()),
  component: OperatorsPage,
});
