export { findLedgerMismatches, findOrderMismatches } from "./invariants/money-invariants.ts";
export { createFakeOpenAI } from "./openai/create-fake-openai.ts";
export { estimateTokens, estimateUsage, readMessageText, type Usage } from "./openai/message-text.ts";
export type { OpenAIErrorBody } from "./openai/openai-error.ts";
export type {
  ChatContentPart,
  ChatMessage,
  ChatRequestRecord,
  FakeOpenAI,
  FakeOpenAIFailure,
  FakeOpenAIOptions,
  ReplyContext,
  ReplyFunction,
  RequestOutcome,
  RequestPredicate,
  WaitForRequestOptions,
} from "./openai/types.ts";
export type { JoinResult } from "./telegram/actions/membership.ts";
export type { LaunchMiniAppOptions } from "./telegram/actions/mini-app.ts";
export type { InvoiceRef } from "./telegram/actions/payments.ts";
export type { SendTextOptions } from "./telegram/actions/user-messages.ts";
export { TelegramUserError } from "./telegram/api-error.ts";
export type { CallPredicate, WaitForCallOptions } from "./telegram/call-log.ts";
export type { CreateBotOptions, CreateChatOptions, CreateUserOptions } from "./telegram/create-entities.ts";
export { createTelegramEmulator } from "./telegram/create-telegram-emulator.ts";
export { miniAppLaunchUrl, type ThemeParams, telegramThemes } from "./telegram/mini-app-launch.ts";
export type { InvoiceView, MessageRef, PaymentView, TelegramEmulator } from "./telegram/telegram-emulator.ts";
export type {
  AddBotToChatOptions,
  ApiCall,
  ApiResponse,
  BotHandle,
  ChatRef,
  Draft,
  FloodLimits,
  InjectedFailure,
  MemberStatus,
  PayInvoiceOptions,
  PayInvoiceResult,
  TelegramEmulatorOptions,
  UserRef,
  WebhookDelivery,
} from "./telegram/types.ts";
export { createFakeYooKassa } from "./yookassa/create-fake-yookassa.ts";
export { yookassaIpRanges } from "./yookassa/ip-ranges.ts";
export type {
  FakeYooKassa,
  FakeYooKassaFailure,
  FakeYooKassaOptions,
  WaitForYooKassaRequestOptions,
  YooKassaAmount,
  YooKassaErrorBody,
  YooKassaPayment,
  YooKassaPaymentStatus,
  YooKassaRefund,
  YooKassaRequestPredicate,
  YooKassaRequestRecord,
  YooKassaWebhookDelivery,
  YooKassaWebhookEvent,
  YooKassaWebhookOptions,
  YooKassaWebhookResult,
} from "./yookassa/types.ts";
