import { apiKey, type createApiKeyRequest, createdApiKey } from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../../../lib/api.ts";

export type ApiKey = z.output<typeof apiKey>;
export type CreatedApiKey = z.output<typeof createdApiKey>;

export const apiKeyKeys = { all: ["api-keys"] as const };

export const apiKeyListQueryOptions = () =>
  queryOptions({
    queryKey: apiKeyKeys.all,
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/api-keys", { schema: z.object({ items: z.array(apiKey) }), signal }),
  });

export const createApiKey = (body: z.input<typeof createApiKeyRequest>) =>
  api("POST", "/api/v1/api-keys", { body, schema: createdApiKey });

export const revokeApiKey = (id: string) => api("DELETE", `/api/v1/api-keys/${id}`);
