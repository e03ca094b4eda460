import { createFileRoute } from "@tanstack/react-router";
import { auditListQueryOptions } from "../../../features/audit/api/get-audit.ts";
import { AuditPage } from "../../../features/audit/audit-page.tsx";
import { auditSearch } from "../../../features/audit/search.ts";

export const Route = createFileRoute("/_authed/audit/")({
  validateSearch: auditSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(auditListQueryOptions(deps)),
  component: AuditPage,
});
