import type { storeChatHistory } from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { storeApi } from "../../lib/api.ts";

export type ChatHistory = z.input<typeof storeChatHistory>;

export const chatHistoryQuery = queryOptions({
  queryKey: ["assistant", "messages"],
  queryFn: () => storeApi<ChatHistory>("GET", "/assistant/messages"),
});

/** The bot's /new: the AI forgets the earlier turns; the page starts empty. */
export const startNewChat = () => storeApi<null>("POST", "/assistant/new");
