import { accessLogPage, channel, channelDetail, type updateChannelRequest } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { toApiQuery } from "../../../components/data-table/use-table-url-state.ts";
import { api } from "../../../lib/api.ts";
import type { ChannelSearch } from "../search.ts";

export type Channel = z.output<typeof channel>;
export type ChannelDetail = z.output<typeof channelDetail>;
export type AccessLogEntry = z.output<typeof accessLogPage>["items"][number];

export const channelKeys = {
  all: ["channels"] as const,
  list: () => [...channelKeys.all, "list"] as const,
  detail: (id: string) => [...channelKeys.all, "detail", id] as const,
  log: (id: string, search: ChannelSearch) => [...channelKeys.all, "log", id, search] as const,
};

export const channelListQueryOptions = () =>
  queryOptions({
    queryKey: channelKeys.list(),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/channels", { schema: z.object({ items: z.array(channel) }), signal }),
  });

export const channelQueryOptions = (id: string) =>
  queryOptions({
    queryKey: channelKeys.detail(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/channels/${id}`, { schema: channelDetail, signal }),
  });

export const accessLogQueryOptions = (id: string, search: ChannelSearch) =>
  queryOptions({
    queryKey: channelKeys.log(id, search),
    queryFn: ({ signal }) => {
      const { q: _q, sort: _s, ...rest } = search;
      return api("GET", `/api/v1/channels/${id}/access-log`, {
        query: toApiQuery(rest),
        schema: accessLogPage,
        signal,
      });
    },
    placeholderData: keepPreviousData,
  });

export const updateChannel = (id: string, body: z.input<typeof updateChannelRequest>) =>
  api("PATCH", `/api/v1/channels/${id}`, { body, schema: channelDetail });
