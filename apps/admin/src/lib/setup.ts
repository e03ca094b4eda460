import { type setupRequest, setupResponse, setupStatusResponse } from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./api.ts";

/** Whether this Lumen still has no operator (first run). */
export const setupStatusQueryOptions = () =>
  queryOptions({
    queryKey: ["setup"],
    queryFn: ({ signal }) => api("GET", "/api/v1/setup", { schema: setupStatusResponse, signal }),
    staleTime: 0,
  });

export const createOwner = (body: z.input<typeof setupRequest>) =>
  api("POST", "/api/v1/setup", { body, schema: setupResponse });
