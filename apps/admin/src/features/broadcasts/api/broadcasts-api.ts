import {
  botList,
  broadcast,
  broadcastList,
  broadcastReport,
  type broadcastRequest,
  campaign,
  type campaignRequest,
  course,
} from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../../../lib/api.ts";

export type BroadcastRow = z.output<typeof broadcast>;
export type BroadcastRequest = z.input<typeof broadcastRequest>;
export type BroadcastReport = z.output<typeof broadcastReport>;

const page = z.object({ items: z.array(broadcast), has_more: z.boolean() });
const lists = z.object({ items: z.array(broadcastList) });

export const broadcastKeys = {
  all: ["broadcasts"] as const,
  list: () => [...broadcastKeys.all, "list"] as const,
  details: (id: string) => [...broadcastKeys.all, "details", id] as const,
  report: (id: string) => [...broadcastKeys.all, "report", id] as const,
  audience: (body: unknown) => [...broadcastKeys.all, "audience", body] as const,
  lists: () => [...broadcastKeys.all, "lists"] as const,
  bots: () => [...broadcastKeys.all, "bots"] as const,
  courses: () => [...broadcastKeys.all, "courses"] as const,
};

const live = (status: string | undefined) => status === "sending" || status === "scheduled";

export const broadcastListQueryOptions = () =>
  queryOptions({
    queryKey: broadcastKeys.list(),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/broadcasts", { query: { limit: 100 }, schema: page, signal }),
    refetchInterval: (query) => (query.state.data?.items.some((b) => live(b.status)) ? 2000 : false),
  });

export const broadcastQueryOptions = (id: string) =>
  queryOptions({
    queryKey: broadcastKeys.details(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/broadcasts/${id}`, { schema: broadcast, signal }),
    refetchInterval: (query) => (live(query.state.data?.status) ? 2000 : false),
  });

/** Polled while the broadcast is sending: the progress bar and the figures move as it goes. */
export const broadcastReportQueryOptions = (id: string) =>
  queryOptions({
    queryKey: broadcastKeys.report(id),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/broadcasts/${id}/report`, { schema: broadcastReport, signal }),
    refetchInterval: (query) => (live(query.state.data?.status) ? 1500 : false),
  });

export type AudienceBody = Pick<BroadcastRequest, "bot_id" | "segment" | "segment_params">;

export const audienceQueryOptions = (body: AudienceBody) =>
  queryOptions({
    queryKey: broadcastKeys.audience(body),
    queryFn: ({ signal }) =>
      api("POST", "/api/v1/broadcasts/audience", { body, schema: z.object({ count: z.number() }), signal }),
    placeholderData: keepPreviousData,
    enabled: Boolean(body.bot_id),
    retry: false,
  });

export const savedListsQueryOptions = () =>
  queryOptions({
    queryKey: broadcastKeys.lists(),
    queryFn: ({ signal }) => api("GET", "/api/v1/broadcasts/lists", { schema: lists, signal }),
  });

export const botsQueryOptions = () =>
  queryOptions({
    queryKey: broadcastKeys.bots(),
    queryFn: ({ signal }) => api("GET", "/api/v1/bots", { schema: botList, signal }),
  });

/** The courses the "enrolled in a course" segment may name. */
export const coursesQueryOptions = () =>
  queryOptions({
    queryKey: broadcastKeys.courses(),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/courses", { schema: z.object({ items: z.array(course) }), signal }),
  });

export const saveBroadcast = ({ id, body }: { id: string | null; body: BroadcastRequest }) =>
  id === null
    ? api("POST", "/api/v1/broadcasts", { body, schema: broadcast })
    : api("PUT", `/api/v1/broadcasts/${id}`, { body, schema: broadcast });

export const uploadList = (body: { name: string; csv: string }) =>
  api("POST", "/api/v1/broadcasts/lists", {
    body,
    schema: z.object({ id: z.string(), name: z.string(), size: z.number() }),
  });

export const previewBroadcast = ({ id, language }: { id: string; language?: "en" | "ru" }) =>
  api("POST", `/api/v1/broadcasts/${id}/preview`, {
    body: language ? { language } : {},
    schema: z.object({ outcome: z.string(), reason: z.string().optional() }),
  });

export const scheduleBroadcast = ({ id, at }: { id: string; at?: string }) =>
  api("POST", `/api/v1/broadcasts/${id}/schedule`, { body: at ? { at } : {}, schema: broadcast });

export const broadcastAction = ({
  id,
  action,
}: {
  id: string;
  action: "pause" | "resume" | "cancel" | "unschedule";
}) => api("POST", `/api/v1/broadcasts/${id}/${action}`, { schema: broadcast });

export type CampaignRow = z.output<typeof campaign>;
const campaignList = z.object({ items: z.array(campaign) });

export const campaignsQueryOptions = (botId: string) =>
  queryOptions({
    queryKey: [...broadcastKeys.all, "campaigns", botId] as const,
    queryFn: ({ signal }) => api("GET", `/api/v1/bots/${botId}/campaigns`, { schema: campaignList, signal }),
    enabled: Boolean(botId),
  });

export const saveCampaign = ({
  botId,
  kind,
  body,
}: {
  botId: string;
  kind: CampaignRow["kind"];
  body: z.input<typeof campaignRequest>;
}) => api("PUT", `/api/v1/bots/${botId}/campaigns/${kind}`, { body, schema: campaign });
