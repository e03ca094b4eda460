import { settingsResponse } from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api.ts";

export type Settings = z.output<typeof settingsResponse>;

export const settingsQueryOptions = () =>
  queryOptions({
    queryKey: ["settings"],
    queryFn: ({ signal }) => api("GET", "/api/v1/settings", { schema: settingsResponse, signal }),
    staleTime: 5 * 60_000,
  });
