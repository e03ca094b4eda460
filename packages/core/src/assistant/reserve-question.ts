import {
  assistantSettings,
  assistantTrials,
  type ChargeSource,
  type Database,
  messagesLog,
  users,
} from "@lumen/db";
import { and, eq, gt, gte, isNull, or, sql } from "drizzle-orm";
import { changeCredits } from "../credits/change-credits.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { takePlanMessage } from "../subscriptions/plan-usage.ts";
import { type AssistantConfig, priceOf } from "./assistant-config.ts";
import type { ChatMessage } from "./chat-model.ts";
import { loadConversation } from "./conversation.ts";
import { preferencesFrom } from "./get-assistant-account.ts";

export type ReserveQuestionInput = {
  userId: string;
  question: string;
  channel: "bot" | "api" | "app";
  botId?: string | null;
};

export type Reservation = {
  messageId: string;
  model: string;
  style: string;
  chargedFrom: ChargeSource;
  /** The language the user reads: their choice in the bot, else their Telegram app's. */
  languageCode: string | null;
  /** The earlier turns of the conversation, read in the same transaction. */
  history: ChatMessage[];
};

/**
 * The asker, their preferences and whether their trial can pay, in one query: a question is the
 * hottest path in Lumen, and every round trip there shows (docs/benchmarks.md).
 */
async function loadAsker(db: Database, config: AssistantConfig, userId: string, now: Date) {
  const [row] = await db
    .select({
      user: users,
      model: assistantSettings.model,
      style: assistantSettings.style,
      conversationStartedAt: assistantSettings.conversationStartedAt,
      trialLeft: assistantTrials.messagesLeft,
      trialExpiresAt: assistantTrials.expiresAt,
    })
    .from(users)
    .leftJoin(assistantSettings, eq(assistantSettings.userId, users.id))
    .leftJoin(assistantTrials, eq(assistantTrials.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound("User", userId);
  return {
    user: row.user,
    prefs: preferencesFrom(config, row),
    trialUsable: (row.trialLeft ?? 0) > 0 && (!row.trialExpiresAt || row.trialExpiresAt > now),
  };
}

async function takeTrialMessage(db: Database, userId: string, now: Date): Promise<boolean> {
  const taken = await db
    .update(assistantTrials)
    .set({ messagesLeft: sql`${assistantTrials.messagesLeft} - 1` })
    .where(
      and(
        eq(assistantTrials.userId, userId),
        gte(assistantTrials.messagesLeft, 1),
        or(isNull(assistantTrials.expiresAt), gt(assistantTrials.expiresAt, now)),
      ),
    )
    .returning({ left: assistantTrials.messagesLeft });
  return taken.length > 0;
}

/**
 * Takes what one question costs before the AI is called: from the plan first, then the
 * trial, then credits; each by a conditional UPDATE, so concurrent questions can never use
 * more than the user has. The pending messages_log row written in the same transaction is
 * the reservation that completeQuestion commits and releaseQuestion returns.
 */
export async function reserveQuestion(
  ctx: CoreContext,
  config: AssistantConfig,
  input: ReserveQuestionInput,
): Promise<Reservation> {
  const now = ctx.clock.now();
  const messageId = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    const { user, prefs, trialUsable } = await loadAsker(tx, config, input.userId, now);
    if (user.isBanned) throw new LumenError("FORBIDDEN", "This user is banned");
    const price = priceOf(config, prefs.model);

    let chargedFrom: ChargeSource;
    let chargeRef: string | null = null;
    let costCredits = 0;
    const plan = await takePlanMessage(tx, input.userId, now);
    if (plan) {
      chargedFrom = "plan";
      chargeRef = `${plan.subscriptionId}:${plan.period}`;
    } else if (trialUsable && (await takeTrialMessage(tx, input.userId, now))) {
      chargedFrom = "trial";
    } else {
      await changeCredits(tx, {
        userId: input.userId,
        delta: -price,
        reason: "spend",
        idempotencyKey: `spend:${messageId}`,
        freshKey: true,
        at: now,
      });
      chargedFrom = "credits";
      costCredits = price;
    }
    await tx.insert(messagesLog).values({
      id: messageId,
      userId: input.userId,
      botId: input.botId ?? null,
      channel: input.channel,
      question: input.question,
      model: prefs.model,
      style: prefs.style,
      costCredits,
      chargedFrom,
      chargeRef,
      status: "pending",
      createdAt: now,
    });
    return {
      messageId,
      model: prefs.model,
      style: prefs.style,
      chargedFrom,
      languageCode: user.locale ?? user.languageCode,
      history: await loadConversation(tx, {
        userId: input.userId,
        since: prefs.conversationStartedAt,
        turns: config.contextTurns,
      }),
    };
  });
}
