import { botList, botTextPreview, botTextSaved, botTextsResponse, welcomeImageSaved } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api.ts";

export type BotTexts = z.output<typeof botTextsResponse>;
export type BotTextEntry = BotTexts["screens"][number]["entries"][number];
export type TextLocale = "en" | "ru";

export const textKeys = {
  all: ["texts"] as const,
  bots: () => [...textKeys.all, "bots"] as const,
  list: (botId: string) => [...textKeys.all, "list", botId] as const,
  preview: (botId: string, locale: TextLocale, key: string, source: string, args: Record<string, string>) =>
    [...textKeys.all, "preview", botId, locale, key, source, args] as const,
};

export const textBotsQueryOptions = () =>
  queryOptions({
    queryKey: textKeys.bots(),
    queryFn: ({ signal }) => api("GET", "/api/v1/bots", { schema: botList, signal }),
  });

export const botTextsQueryOptions = (botId: string) =>
  queryOptions({
    queryKey: textKeys.list(botId),
    queryFn: ({ signal }) => api("GET", `/api/v1/bots/${botId}/texts`, { schema: botTextsResponse, signal }),
  });

const textUrl = (botId: string, locale: TextLocale, key: string) =>
  `/api/v1/bots/${botId}/texts/${locale}/${encodeURIComponent(key)}`;

/** The server renders and checks the text exactly as saving would: no Fluent rules live in the browser. */
export const textPreviewQueryOptions = (
  botId: string,
  locale: TextLocale,
  key: string,
  source: string,
  args: Record<string, string>,
) =>
  queryOptions({
    queryKey: textKeys.preview(botId, locale, key, source, args),
    queryFn: ({ signal }) =>
      api("POST", `${textUrl(botId, locale, key)}/preview`, {
        body: { source, args },
        schema: botTextPreview,
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const saveBotText = (input: { botId: string; locale: TextLocale; key: string; source: string }) =>
  api("PUT", textUrl(input.botId, input.locale, input.key), {
    body: { source: input.source },
    schema: botTextSaved,
  });

export const resetBotText = (input: { botId: string; locale: TextLocale; key: string }) =>
  api<void>("DELETE", textUrl(input.botId, input.locale, input.key));

const imageUrl = (botId: string, locale: TextLocale) => `/api/v1/bots/${botId}/welcome-image/${locale}`;

export const saveWelcomeImage = (input: { botId: string; locale: TextLocale; photo: string }) =>
  api("PUT", imageUrl(input.botId, input.locale), {
    body: { photo: input.photo },
    schema: welcomeImageSaved,
  });

export const resetWelcomeImage = (input: { botId: string; locale: TextLocale }) =>
  api<void>("DELETE", imageUrl(input.botId, input.locale));
