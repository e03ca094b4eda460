import type {
  Chat,
  ChatInviteLink,
  ChatJoinRequest,
  ChatMemberUpdated,
  Message,
  SuccessfulPayment,
  Update,
  User,
} from "@grammyjs/types";
import type { JoinResult } from "./actions/membership.ts";
import type { LaunchMiniAppOptions } from "./actions/mini-app.ts";
import type { InvoiceRef } from "./actions/payments.ts";
import type { SendTextOptions } from "./actions/user-messages.ts";
import type { CallPredicate, WaitForCallOptions } from "./call-log.ts";
import type { CreateBotOptions, CreateChatOptions, CreateUserOptions } from "./create-entities.ts";
import type {
  AddBotToChatOptions,
  ApiCall,
  BotHandle,
  ChatRef,
  Draft,
  InjectedFailure,
  MemberStatus,
  PayInvoiceOptions,
  PayInvoiceResult,
  UserRef,
  WebhookDelivery,
} from "./types.ts";

export type PaymentView = {
  botId: number;
  userId: number;
  payment: SuccessfulPayment;
  refunded: boolean;
  subscriptionCanceled: boolean;
};

export type InvoiceView = {
  title: string;
  description: string;
  currency: string;
  totalAmount: number;
  /** Seconds between charges for a Star subscription link. */
  subscriptionPeriod: number | undefined;
};

export type MessageRef = Pick<Message, "message_id"> & { chat: { id: number } };

/** A Telegram Bot API server plus the people and chats around the bot, for tests. */
export type TelegramEmulator = {
  /** Pass to grammY as `client: { apiRoot }`. */
  readonly apiRoot: string;
  /** Every API call in answer order. */
  readonly calls: readonly ApiCall[];
  /** Every webhook POST attempt with its HTTP status. */
  readonly webhookDeliveries: readonly WebhookDelivery[];
  /** Payments made so far, including refund and cancellation state. */
  readonly payments: readonly PaymentView[];

  createBot(options: CreateBotOptions): BotHandle;
  createUser(options: CreateUserOptions): User;
  createChat(options: CreateChatOptions): Chat;

  /** The user writes to the bot (private chat unless `options.chat`); returns the delivered update. */
  sendText(bot: BotHandle, user: UserRef, text: string, options?: SendTextOptions): Promise<Update>;
  /**
   * The user sends a photo (with an optional caption), like sendText otherwise; `fileSize` sets
   * the largest size's bytes (over 20 MB, getFile refuses it as Telegram does).
   */
  sendPhoto(
    bot: BotHandle,
    user: UserRef,
    options?: SendTextOptions & { caption?: string; fileSize?: number },
  ): Promise<Update>;
  /** The user sends a voice note (optionally captioned), like sendPhoto otherwise. */
  sendVoice(
    bot: BotHandle,
    user: UserRef,
    options?: SendTextOptions & { caption?: string; duration?: number },
  ): Promise<Update>;
  /** Taps the inline button with this callback_data on the message as it currently stands. */
  pressButton(bot: BotHandle, user: UserRef, message: MessageRef, callbackData: string): Promise<Update>;
  /** Pays an invoice message or link: pre_checkout_query, the bot's answer, successful_payment. */
  payInvoice(
    bot: BotHandle,
    user: UserRef,
    invoice: InvoiceRef,
    options?: PayInvoiceOptions,
  ): Promise<PayInvoiceResult>;
  /** What an invoice message or link asks for, as the payment sheet shows it; undefined if unknown. */
  invoiceOf(bot: BotHandle, invoice: InvoiceRef): InvoiceView | undefined;
  /** The user opens the bot's Mini App: the signed init data Telegram gives the page. */
  launchMiniApp(bot: BotHandle, user: UserRef, options?: LaunchMiniAppOptions): string;
  /** Delivers (again) a successful_payment message for this payment. */
  deliverSuccessfulPayment(
    bot: BotHandle,
    user: UserRef,
    payment: SuccessfulPayment | PayInvoiceResult,
  ): Promise<Message>;
  /** Charges the next period of a Stars subscription created from a link with subscription_period. */
  renewSubscription(
    bot: BotHandle,
    user: UserRef,
    telegramPaymentChargeId: string,
  ): Promise<SuccessfulPayment>;

  addBotToChat(bot: BotHandle, chat: ChatRef, options: AddBotToChatOptions): Promise<ChatMemberUpdated>;
  /** Opens an invite link; throws TelegramUserError when Telegram would refuse. */
  joinByInviteLink(bot: BotHandle, user: UserRef, link: string | ChatInviteLink): Promise<JoinResult>;
  sendJoinRequest(
    bot: BotHandle,
    user: UserRef,
    chat: ChatRef,
    /** `asQuery`: a join-request query (Bot API 10.1), carrying `query_id`. */
    options?: { inviteLink?: string; asQuery?: boolean },
  ): Promise<ChatJoinRequest>;
  leaveChat(user: UserRef, chat: ChatRef): Promise<ChatMemberUpdated | undefined>;
  blockBot(bot: BotHandle, user: UserRef): Promise<void>;
  unblockBot(bot: BotHandle, user: UserRef): Promise<void>;
  /**
   * The user pressed Start in the bot's chat some time ago (no update is sent): the bot may write
   * to them. For seeding many users at once, as a benchmark does.
   */
  markStarted(bot: BotHandle, user: UserRef): void;
  /** Arranges membership silently (no updates), e.g. to make a user an admin. */
  setMemberStatus(chat: ChatRef, user: UserRef, status: MemberStatus): void;
  memberStatus(chat: ChatRef, user: UserRef): MemberStatus;

  /** Messages in the chat as they stand now; for private chats optionally one bot's conversation. */
  chatHistory(chat: ChatRef, options?: { bot?: BotHandle }): Message[];
  /** sendMessageDraft calls for the chat, oldest first. */
  drafts(chat: ChatRef): Draft[];
  /** Updates queued for the bot and not yet confirmed or delivered. */
  pendingUpdates(bot: BotHandle): Update[];

  /** Calls `listener` after every later API call is answered (a live view, e.g. the playground page). */
  onCall(listener: (call: ApiCall) => void): () => void;
  waitForCall(method: string, predicate?: CallPredicate, options?: WaitForCallOptions): Promise<ApiCall>;
  waitForCall(method: string, options: WaitForCallOptions): Promise<ApiCall>;
  /** Resolves with the first webhook attempt matching `predicate` (already made or future). */
  waitForWebhookDelivery(
    predicate: (delivery: WebhookDelivery) => boolean,
    options?: WaitForCallOptions,
  ): Promise<WebhookDelivery>;
  /** Resolves once the bot has a getUpdates request waiting (its allowed_updates are then in effect). */
  waitForPolling(bot: BotHandle, options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Resolves once the bot has handled every update sent to it so far: confirmed
   * by its next getUpdates offset, or answered 2xx by its webhook.
   */
  waitUntilHandled(bot: BotHandle, options?: { timeoutMs?: number }): Promise<void>;
  /** The next `times` calls of `method` fail with this error instead of running. */
  failNext(method: string, failure: InjectedFailure, options?: { times?: number; bot?: BotHandle }): void;
  /**
   * While on, every call with this bot's token has its connection dropped unanswered: the
   * client sees a network error, as when Telegram cannot be reached. Not in the call log.
   */
  setUnreachable(bot: BotHandle, unreachable: boolean): void;
  setWebhookDeliveryTimeout(ms: number): void;
  /** Ends pending long polls and webhook retries, then stops the server. */
  close(): Promise<void>;
};
