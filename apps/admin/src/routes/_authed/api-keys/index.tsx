import { createFileRoute } from "@tanstack/react-router";
import { apiKeyListQueryOptions } from "../../../features/api-keys/api/api-keys.ts";
import { ApiKeysPage } from "../../../features/api-keys/api-keys-page.tsx";

export const Route = createFileRoute("/_authed/api-keys/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(apiKeyListQueryOptions()),
  component: ApiKeysPage,
});
