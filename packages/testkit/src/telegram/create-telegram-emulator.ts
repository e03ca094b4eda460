import type { SuccessfulPayment } from "@grammyjs/types";
import {
  addBotToChat,
  joinByInviteLink,
  leaveChat,
  sendJoinRequest,
  setMemberStatus,
} from "./actions/membership.ts";
import { launchMiniApp } from "./actions/mini-app.ts";
import { payInvoice, redeliverPayment, renewSubscription } from "./actions/payments.ts";
import { setBotBlocked } from "./actions/private-chat.ts";
import { pressInlineButton, sendUserPhoto, sendUserText, sendUserVoice } from "./actions/user-messages.ts";
import type { CallPredicate, WaitForCallOptions } from "./call-log.ts";
import { createEntityFactory } from "./create-entities.ts";
import { createDispatcher } from "./dispatch-call.ts";
import { startApiServer } from "./http/api-server.ts";
import { readFileDownload } from "./methods/files.ts";
import { refId, requireBotRecord, requireChatRecord, requireUser } from "./resolve.ts";
import { invoiceMessageKey, type PaymentRecord } from "./state/payment-records.ts";
import type { TelegramEmulator } from "./telegram-emulator.ts";
import type { BotHandle, TelegramEmulatorOptions } from "./types.ts";
import { isIdle } from "./updates/bot-update-state.ts";
import { attachUpdateRouter } from "./updates/update-router.ts";
import { createWorld } from "./world.ts";

/**
 * Starts an emulated Bot API on 127.0.0.1 for grammY to talk to over real HTTP:
 *
 *   const tg = await createTelegramEmulator();
 *   const handle = tg.createBot({ username: "lumen_test_bot" });
 *   const bot = new Bot(handle.token, { client: { apiRoot: tg.apiRoot } });
 *   await tg.sendText(handle, tg.createUser({ firstName: "Alice" }), "/start");
 *
 * Everything is event-driven (no polling loops), so suites can run many of
 * these side by side; always `await tg.close()`.
 */
export async function createTelegramEmulator(
  options: TelegramEmulatorOptions = {},
): Promise<TelegramEmulator> {
  const world = createWorld(options);
  const retry = options.webhookRetry ?? { attempts: 3, delayMs: 50 };
  let dispatcher: ReturnType<typeof createDispatcher> | undefined;
  const router = attachUpdateRouter(world, {
    ...retry,
    parallel: options.webhookDelivery === "parallel",
    async onWebhookReply(token, payload) {
      const { method, ...params } = payload;
      await dispatcher?.call({ token, method: String(method), params });
    },
  });
  dispatcher = createDispatcher(world, router);
  const unreachable = new Set<string>();
  const server = await startApiServer(
    options.port ?? 0,
    dispatcher.call,
    dispatcher.recordRejected,
    (token) => unreachable.has(token),
    (token, filePath) => readFileDownload(world, token, filePath),
  );
  const entities = createEntityFactory(world);
  const bot = (handle: BotHandle) => requireBotRecord(world, handle);
  const user = (ref: Parameters<typeof requireUser>[1]) => requireUser(world, ref);
  const chat = (ref: Parameters<typeof requireChatRecord>[1]) => requireChatRecord(world, ref);
  let closed: Promise<void> | undefined;

  return {
    apiRoot: server.apiRoot,
    calls: world.callLog.calls,
    webhookDeliveries: world.webhookDeliveries.items,
    get payments() {
      return world.payments.map((record: PaymentRecord) => ({
        botId: record.botId,
        userId: record.userId,
        payment: structuredClone(record.payment),
        refunded: record.refunded,
        subscriptionCanceled: record.subscriptionCanceled,
      }));
    },
    createBot: entities.createBot,
    createUser: entities.createUser,
    createChat: entities.createChat,

    sendText: async (b, u, text, sendOptions) => sendUserText(world, bot(b), user(u), text, sendOptions),
    sendPhoto: async (b, u, photoOptions) => sendUserPhoto(world, bot(b), user(u), photoOptions),
    sendVoice: async (b, u, voiceOptions) => sendUserVoice(world, bot(b), user(u), voiceOptions),
    pressButton: async (b, u, message, data) => pressInlineButton(world, bot(b), user(u), message, data),
    payInvoice: (b, u, invoice, payOptions) => payInvoice(world, bot(b), user(u), invoice, payOptions),
    invoiceOf(b, ref) {
      const record =
        typeof ref === "string"
          ? world.invoicesByLink.get(ref)
          : world.invoicesByMessage.get(invoiceMessageKey(ref.chat.id, bot(b).id, ref.message_id));
      if (!record || record.botId !== bot(b).id) return undefined;
      return {
        title: record.title,
        description: record.description,
        currency: record.currency,
        totalAmount: record.totalAmount,
        subscriptionPeriod: record.subscriptionPeriod,
      };
    },
    launchMiniApp: (b, u, launchOptions) => launchMiniApp(bot(b), user(u), launchOptions),
    async deliverSuccessfulPayment(b, u, paymentLike) {
      const payment = "telegram_payment_charge_id" in paymentLike ? paymentLike : paymentLike.payment;
      if (!payment) throw new Error("deliverSuccessfulPayment: the payment did not succeed");
      return redeliverPayment(world, bot(b), user(u), payment as SuccessfulPayment);
    },
    renewSubscription: async (b, u, chargeId) => renewSubscription(world, bot(b), user(u), chargeId),

    addBotToChat: async (b, c, addOptions) => {
      const record = chat(c);
      const actor = addOptions.by !== undefined ? user(addOptions.by) : user(record.creatorId);
      return addBotToChat(world, bot(b), record, addOptions, actor);
    },
    joinByInviteLink: async (b, u, link) => {
      bot(b);
      return joinByInviteLink(world, user(u), typeof link === "string" ? link : link.invite_link);
    },
    sendJoinRequest: async (b, u, c, requestOptions) => {
      bot(b);
      const link = requestOptions?.inviteLink ? world.inviteLinks.get(requestOptions.inviteLink) : undefined;
      return sendJoinRequest(world, user(u), chat(c), link, requestOptions?.asQuery);
    },
    leaveChat: async (u, c) => leaveChat(world, user(u), chat(c)),
    blockBot: async (b, u) => void setBotBlocked(world, bot(b), user(u), true),
    unblockBot: async (b, u) => void setBotBlocked(world, bot(b), user(u), false),
    markStarted: (b, u) => void bot(b).reachableUsers.add(user(u).id),
    setMemberStatus: (c, u, status) => setMemberStatus(world, chat(c), user(u), status),
    memberStatus: (c, u) => world.members.get(refId(c), refId(u)).status,

    chatHistory: (c, historyOptions) => world.messages.history(refId(c), historyOptions?.bot?.id),
    drafts: (c) => world.drafts.filter((draft) => draft.chatId === refId(c)).map((draft) => ({ ...draft })),
    pendingUpdates: (b) => structuredClone(bot(b).updates.queue),

    onCall: (listener) => world.callLog.subscribe(listener),
    waitForCall(
      method: string,
      predicateOrOptions?: CallPredicate | WaitForCallOptions,
      waitOptions?: WaitForCallOptions,
    ) {
      if (typeof predicateOrOptions === "function")
        return world.callLog.waitFor(method, predicateOrOptions, waitOptions ?? {});
      return world.callLog.waitFor(method, undefined, predicateOrOptions ?? {});
    },
    waitForWebhookDelivery: (predicate, waitOptions) =>
      world.webhookDeliveries.waitFor(
        predicate,
        waitOptions ?? {},
        (ms) =>
          `waitForWebhookDelivery timed out after ${ms} ms; attempts so far: ${world.webhookDeliveries.items.length}`,
      ),
    waitForPolling: (b, pollOptions) =>
      waitForSignal(
        bot(b).updates.pollStarted,
        () => bot(b).updates.poll !== undefined,
        pollOptions?.timeoutMs ?? 5000,
        "waitForPolling: no getUpdates request arrived",
        world.closing.signal,
      ),
    waitUntilHandled: (b, idleOptions) =>
      waitForSignal(
        bot(b).updates.idle,
        () => isIdle(bot(b).updates),
        idleOptions?.timeoutMs ?? 5000,
        `waitUntilHandled: @${b.username} still has unconfirmed updates`,
        world.closing.signal,
      ),
    setUnreachable(b, isUnreachable) {
      if (isUnreachable) unreachable.add(b.token);
      else unreachable.delete(b.token);
    },
    failNext(method, failure, failOptions) {
      world.faults.add(method, failure, failOptions?.times ?? 1, failOptions?.bot?.token);
    },
    setWebhookDeliveryTimeout(ms) {
      world.webhookTimeoutMs = ms;
    },
    close() {
      closed ??= (async () => {
        world.closing.abort();
        world.callLog.close();
        world.webhookDeliveries.close();
        // Let the answers to aborted long polls reach their clients before sockets are cut.
        await new Promise((resolve) => setImmediate(resolve));
        await server.close();
      })();
      return closed;
    },
  };
}

/** Waits for a condition that a set of listeners reports on; resolves at once if it already holds. */
function waitForSignal(
  listeners: Set<() => void>,
  holds: () => boolean,
  timeoutMs: number,
  failure: string,
  closing: AbortSignal,
): Promise<void> {
  if (holds()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      listeners.delete(listener);
      closing.removeEventListener("abort", onClose);
      if (error) reject(error);
      else resolve();
    };
    const listener = () => {
      if (holds()) finish();
    };
    const onClose = () => finish(new Error(`${failure}: the emulator was closed`));
    const timer = setTimeout(() => finish(new Error(`${failure} within ${timeoutMs} ms`)), timeoutMs);
    listeners.add(listener);
    closing.addEventListener("abort", onClose);
  });
}
