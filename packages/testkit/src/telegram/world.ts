import type {
  BotCommand,
  Chat,
  Document,
  MenuButton,
  PhotoSize,
  Update,
  User,
  Video,
  Voice,
} from "@grammyjs/types";
import { type CallLog, createCallLog } from "./call-log.ts";
import { createFaultInjector, type FaultInjector } from "./fault-injection.ts";
import { createFloodLimiter, type FloodLimiter } from "./flood-limiter.ts";
import { createObservableLog, type ObservableLog } from "./observable-log.ts";
import type { InviteLinkRecord, JoinRequestRecord } from "./state/invite-links.ts";
import { createMemberStore, type MemberStore } from "./state/member-store.ts";
import { createMessageStore, type MessageStore } from "./state/message-store.ts";
import type { InvoiceRecord, PaymentRecord, PendingPreCheckout } from "./state/payment-records.ts";
import type { Draft, TelegramEmulatorOptions, WebhookDelivery } from "./types.ts";
import type { BotUpdateState } from "./updates/bot-update-state.ts";

export type BotRecord = {
  id: number;
  token: string;
  username: string;
  firstName: string;
  user: User;
  /** Keyed by `${scope JSON}|${language_code}`, exactly as getMyCommands looks them up. */
  commands: Map<string, BotCommand[]>;
  /** setChatMenuButton: the default for every chat (key "default") and per private chat. */
  menuButtons: Map<string, MenuButton>;
  updates: BotUpdateState;
  /** Users who wrote to the bot; a bot cannot start a private conversation itself. */
  reachableUsers: Set<number>;
  blockedBy: Set<number>;
};

export type ChatRecord = {
  chat: Chat;
  creatorId: number;
  joinRequests: Map<number, JoinRequestRecord>;
};

/** Media the bot sent, so a later send can reuse the file_id like on Telegram. */
export type StoredFile = { photo?: PhotoSize[]; document?: Document; video?: Video; voice?: Voice };

export type World = {
  now(): number;
  /** Telegram dates are Unix seconds. */
  unixNow(): number;
  preCheckoutTimeoutMs: number;
  webhookTimeoutMs: number;
  webhookCa: string | undefined;
  bots: Map<number, BotRecord>;
  botsByToken: Map<string, BotRecord>;
  users: Map<number, User>;
  chats: Map<number, ChatRecord>;
  messages: MessageStore;
  members: MemberStore;
  inviteLinks: Map<string, InviteLinkRecord>;
  invoicesByMessage: Map<string, InvoiceRecord>;
  invoicesByLink: Map<string, InvoiceRecord>;
  payments: PaymentRecord[];
  pendingPreCheckouts: Map<string, PendingPreCheckout>;
  callbackQueries: Map<string, { botId: number; answered: boolean }>;
  drafts: Draft[];
  /** Telegram's test environment: web_app URLs may be http. */
  testEnvironment: boolean;
  files: Map<string, StoredFile>;
  webhookDeliveries: ObservableLog<WebhookDelivery>;
  callLog: CallLog;
  faults: FaultInjector;
  flood: FloodLimiter;
  /** Aborted by close(): ends long polls, webhook retries and pending waits. */
  closing: AbortController;
  /** Set once the update router exists; sends an update to one bot. */
  deliver(bot: BotRecord, update: Omit<Update, "update_id">): Update;
};

export function createWorld(options: TelegramEmulatorOptions): World {
  const now = options.now ?? Date.now;
  const unixNow = () => Math.floor(now() / 1000);
  return {
    now,
    unixNow,
    preCheckoutTimeoutMs: options.preCheckoutTimeoutMs ?? 10_000,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    webhookCa: options.webhookCa,
    bots: new Map(),
    botsByToken: new Map(),
    users: new Map(),
    chats: new Map(),
    messages: createMessageStore(),
    members: createMemberStore(unixNow),
    inviteLinks: new Map(),
    invoicesByMessage: new Map(),
    invoicesByLink: new Map(),
    payments: [],
    pendingPreCheckouts: new Map(),
    callbackQueries: new Map(),
    drafts: [],
    testEnvironment: options.testEnvironment ?? false,
    files: new Map(),
    webhookDeliveries: createObservableLog<WebhookDelivery>("waitForWebhookDelivery"),
    callLog: createCallLog(),
    faults: createFaultInjector(),
    flood: createFloodLimiter(options.floodLimits ?? false, now),
    closing: new AbortController(),
    deliver() {
      throw new Error("update router is not attached yet");
    },
  };
}
