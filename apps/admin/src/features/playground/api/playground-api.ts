import {
  playgroundChat,
  playgroundInvoice,
  type playgroundInvoiceRef,
  playgroundJoinRequestResult,
  playgroundJoinResult,
  playgroundMiniAppLaunch,
  playgroundPayResult,
  playgroundState,
  playgroundTimeTravelResult,
} from "@lumen/contracts";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../lib/api.ts";

export type PlaygroundState = z.output<typeof playgroundState>;
export type PlaygroundChat = z.output<typeof playgroundChat>;
export type PlaygroundMessage = PlaygroundChat["messages"][number];
export type PlaygroundInvoice = z.output<typeof playgroundInvoice>;
export type InvoiceRef = z.input<typeof playgroundInvoiceRef>;

export const playgroundKeys = {
  all: ["playground"] as const,
  state: () => [...playgroundKeys.all, "state"] as const,
  chat: (userId: number) => [...playgroundKeys.all, "chat", userId] as const,
  invoice: (userId: number, ref: InvoiceRef) => [...playgroundKeys.all, "invoice", userId, ref] as const,
};

/** null when the server is not in playground mode (the routes do not exist there). */
export const playgroundStateQueryOptions = () =>
  queryOptions({
    queryKey: playgroundKeys.state(),
    queryFn: async ({ signal }) => {
      try {
        return await api("GET", "/api/v1/playground", { schema: playgroundState, signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });

export const playgroundChatQueryOptions = (userId: number) =>
  queryOptions({
    queryKey: playgroundKeys.chat(userId),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/playground/chats/${userId}`, { schema: playgroundChat, signal }),
  });

export const playgroundInvoiceQueryOptions = (userId: number, ref: InvoiceRef) =>
  queryOptions({
    queryKey: playgroundKeys.invoice(userId, ref),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/playground/chats/${userId}/invoice`, {
        query: { message_id: ref.message_id, link: ref.link },
        schema: playgroundInvoice,
        signal,
      }),
  });

export const sendText = (input: { userId: number; text: string }) =>
  api("POST", `/api/v1/playground/chats/${input.userId}/messages`, { body: { text: input.text } });

export const pressButton = (input: { userId: number; messageId: number; data: string }) =>
  api("POST", `/api/v1/playground/chats/${input.userId}/press`, {
    body: { message_id: input.messageId, callback_data: input.data },
  });

export const payInvoice = (input: { userId: number; ref: InvoiceRef }) =>
  api("POST", `/api/v1/playground/chats/${input.userId}/pay`, {
    body: input.ref,
    schema: playgroundPayResult,
  });

/** The test user opens an invite link: one the bot sent them, or someone else's. */
export const joinByLink = (input: { userId: number; link: string }) =>
  api("POST", `/api/v1/playground/chats/${input.userId}/join`, {
    body: { link: input.link },
    schema: playgroundJoinResult,
  });

export const sendJoinRequest = (input: { userId: number }) =>
  api("POST", `/api/v1/playground/chats/${input.userId}/join-request`, {
    schema: playgroundJoinRequestResult,
  });

/** The store's address with the test user's signed launch data; `url` is a web_app button's. */
export const launchMiniApp = (input: { userId: number; url?: string | undefined }) =>
  api("POST", `/api/v1/playground/chats/${input.userId}/mini-app`, {
    body: input.url ? { url: input.url } : {},
    schema: playgroundMiniAppLaunch,
  });

export const skipTime = (input: { skip: "day" | "plan_end"; userId: number }) =>
  api("POST", "/api/v1/playground/clock", {
    body: { skip: input.skip, user_id: input.userId },
    schema: playgroundTimeTravelResult,
  });

/**
 * The emulator's changes pushed by the server (server-sent events, not polling): every
 * `changed` event refreshes the playground's queries; a `draft` event puts the answer the bot
 * is writing into that chat at once. Returns whether the stream is open.
 */
export function usePlaygroundLive(enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource("/api/v1/playground/events");
    source.onopen = () => setOpen(true);
    source.onerror = () => setOpen(false);
    source.addEventListener("changed", () => {
      void queryClient.invalidateQueries({ queryKey: playgroundKeys.all });
    });
    source.addEventListener("draft", (event) => {
      const draft = JSON.parse((event as MessageEvent<string>).data) as { chat_id: number; text: string };
      queryClient.setQueryData(playgroundKeys.chat(draft.chat_id), (chat: PlaygroundChat | undefined) =>
        chat ? { ...chat, draft: draft.text } : chat,
      );
    });
    return () => source.close();
  }, [enabled, queryClient]);
  return open;
}
