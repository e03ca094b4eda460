import type { TelegramEmulator } from "@lumen/testkit";

/**
 * Something in the emulated Telegram changed (`chatId` when it concerns one chat), or the bot
 * wrote more of an answer it is still writing (a draft, shown until its message arrives).
 */
export type PlaygroundEvent =
  | { kind: "changed"; chatId: number | null }
  | { kind: "draft"; chatId: number; text: string };

/** Calls that only read, or that the bot makes all the time; they change nothing a person sees. */
const quiet = new Set([
  "getupdates",
  "getme",
  "getchat",
  "getchatmember",
  "getwebhookinfo",
  "getmycommands",
  "getchatmenubutton",
]);

/**
 * The playground page's live feed: every Bot API call that changes what a person would see
 * (a message sent or edited, a member removed) and every action taken on the page, pushed
 * to the open pages by server-sent events.
 */
export function createPlaygroundEvents(tg: TelegramEmulator) {
  const listeners = new Set<(event: PlaygroundEvent) => void>();
  const emit = (event: PlaygroundEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  /** The draft each private chat shows now: the latest one, until the bot sends a message there. */
  const drafts = new Map<number, string>();
  const stop = tg.onCall((call) => {
    const method = call.method.toLowerCase();
    if (quiet.has(method)) return;
    const chatId = Number(call.params.chat_id ?? call.params.user_id);
    const known = Number.isFinite(chatId);
    if (method === "sendmessagedraft") {
      // The text as the emulator formatted it, so the page shows what Telegram would.
      const draft = known && call.response.ok ? tg.drafts(chatId).at(-1) : undefined;
      if (draft) {
        drafts.set(chatId, draft.text);
        emit({ kind: "draft", chatId, text: draft.text });
      }
      return;
    }
    if (known && method.startsWith("send") && method !== "sendchataction") drafts.delete(chatId);
    emit({ kind: "changed", chatId: known ? chatId : null });
  });
  return {
    emit,
    draftOf: (chatId: number): string | null => drafts.get(chatId) ?? null,
    subscribe(listener: (event: PlaygroundEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      stop();
      listeners.clear();
    },
  };
}

export type PlaygroundEvents = ReturnType<typeof createPlaygroundEvents>;
