import type { BroadcastMessage } from "./render-message.ts";

/** What Telegram answered to one message, as the broadcast needs to know it. */
export type SendOutcome =
  | { kind: "sent"; messageId: number }
  /** 429: the whole broadcast waits this long. */
  | { kind: "throttled"; retryAfterSeconds: number }
  /** 403: the user blocked the bot (or deleted their account). */
  | { kind: "blocked"; reason: string }
  | { kind: "failed"; reason: string };

/** The transport that talks to Telegram (the server's grammY client; a scripted one in core tests). */
export type BroadcastSender = { send(botId: string, message: BroadcastMessage): Promise<SendOutcome> };
