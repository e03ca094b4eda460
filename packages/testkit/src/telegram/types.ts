import type {
  Chat,
  ChatAdministratorRights,
  Message,
  ResponseParameters,
  SuccessfulPayment,
  User,
} from "@grammyjs/types";
import type { ApiErrorBody } from "./api-error.ts";

/** What tests hold on to for a bot; the token is what grammY is constructed with. */
export type BotHandle = {
  id: number;
  token: string;
  username: string;
  firstName: string;
};

/** A chat can be passed as the object createChat returned or as its id. */
export type ChatRef = Chat | { id: number } | number;
/** A user can be passed as the User object, a BotHandle, or an id. */
export type UserRef = User | { id: number } | number;

export type ApiResponse = { ok: true; result: unknown } | ApiErrorBody;

/** One request to the emulated Bot API, recorded after it was answered. */
export type ApiCall = {
  /** Position in `calls`; pass `index + 1` as `after` to wait for later calls only. */
  index: number;
  token: string;
  /** Canonical method name (Telegram method names are case-insensitive). */
  method: string;
  params: Record<string, unknown>;
  response: ApiResponse;
  /** Clock time (ms) when the call was answered. */
  at: number;
};

export type InjectedFailure = {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
};

export type WebhookDelivery = {
  token: string;
  url: string;
  updateId: number;
  /** 1-based attempt number for this update. */
  attempt: number;
  /** HTTP status of the bot's answer, or null when the request itself failed. */
  status: number | null;
  error?: string;
  at: number;
};

export type FloodLimits = { perChatPerSecond: number; globalPerSecond: number };

export type TelegramEmulatorOptions = {
  /** Off by default so ordinary tests never see 429s. */
  floodLimits?: FloodLimits | false;
  /** Millisecond clock for dates, the flood window, link expiry and ban ends. */
  now?: () => number;
  /** How long payInvoice waits for answerPreCheckoutQuery; Telegram allows 10 s. */
  preCheckoutTimeoutMs?: number;
  /** Attempts per webhook update and the pause between them. */
  webhookRetry?: { attempts: number; delayMs: number };
  /** Per-attempt timeout for a webhook POST. */
  webhookTimeoutMs?: number;
  /** Certificates (PEM) trusted for https webhooks besides the system's, e.g. a test's self-signed one. */
  webhookCa?: string;
  /** Defaults to an ephemeral port on 127.0.0.1. */
  port?: number;
  /**
   * Telegram's test environment, where Mini Apps may be served over plain http (for a local
   * server); in the production environment web_app URLs must be https.
   */
  testEnvironment?: boolean;
  /**
   * "serial" (default): one webhook update at a time per bot, in order, a new connection each, so
   * tests are deterministic. "parallel": up to the webhook's max_connections in flight over
   * keep-alive connections, as Telegram does; for benchmarks.
   */
  webhookDelivery?: "serial" | "parallel";
};

export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export type AddBotToChatOptions = {
  status: "administrator" | "member";
  rights?: Partial<ChatAdministratorRights>;
  /** Who adds the bot; defaults to the chat's creator. */
  by?: UserRef;
};

export type PayInvoiceOptions = {
  /** Deliver the same successful_payment this many extra times (duplicate deliveries). */
  repeatSuccessfulPayment?: number;
  /** Ask pre-checkout for another amount than the invoice's (a tampered or stale invoice). */
  totalAmount?: number;
};

export type PayInvoiceResult = {
  ok: boolean;
  /** The bot's error_message when it declined, or why the payment did not happen. */
  errorMessage?: string;
  payment?: SuccessfulPayment;
  /** The message carrying successful_payment (the first delivery). */
  message?: Message;
};

export type Draft = {
  chatId: number;
  draftId: number;
  text: string;
  at: number;
};
