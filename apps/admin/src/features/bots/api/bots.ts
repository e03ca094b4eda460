import {
  bot,
  botList,
  botWebhookStatus,
  type createBotRequest,
  type updateBotRequest,
} from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api.ts";

export type Bot = z.output<typeof bot>;

export const botKeys = {
  all: ["bots"] as const,
  list: () => [...botKeys.all, "list"] as const,
  webhook: (id: string) => [...botKeys.all, "webhook", id] as const,
};

export const botListQueryOptions = () =>
  queryOptions({
    queryKey: botKeys.list(),
    queryFn: ({ signal }) => api("GET", "/api/v1/bots", { schema: botList, signal }),
  });

/** Asked of Telegram on each view, so it is kept briefly and not retried on a 502. */
export const botWebhookQueryOptions = (id: string) =>
  queryOptions({
    queryKey: botKeys.webhook(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/bots/${id}/webhook`, { schema: botWebhookStatus, signal }),
    staleTime: 30_000,
    retry: false,
  });

export const addBot = (body: z.input<typeof createBotRequest>) =>
  api("POST", "/api/v1/bots", { body, schema: bot });

export const updateBot = (id: string, body: z.input<typeof updateBotRequest>) =>
  api("PATCH", `/api/v1/bots/${id}`, { body, schema: bot });
