import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { type AssistantConfig, systemPromptFor } from "./assistant-config.ts";
import { type ChatMessage, type ChatModel, ChatModelError, type ChatResult } from "./chat-model.ts";
import { type Reservation, type ReserveQuestionInput, reserveQuestion } from "./reserve-question.ts";
import { completeQuestion, releaseQuestion } from "./settle-question.ts";

export type AssistantDeps = {
  config: AssistantConfig;
  /** undefined when no AI provider is configured. */
  chat: ChatModel | undefined;
  sleep?: (ms: number) => Promise<void>;
};

export type AskInput = ReserveQuestionInput & {
  onDelta?: (textSoFar: string) => void;
  /** Puts the answer in front of the user; the charge is committed only after it resolves. */
  deliver?: (answer: string) => Promise<void>;
};

export type Answer = {
  messageId: string;
  answer: string;
  model: string;
  chargedFrom: Reservation["chargedFrom"];
} & ChatResult;

const ATTEMPTS = 3;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function completeWithRetries(
  deps: AssistantDeps,
  chat: ChatModel,
  messages: ChatMessage[],
  input: AskInput,
  model: string,
) {
  const sleep = deps.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await chat.complete({ model, messages }, input.onDelta ? { onDelta: input.onDelta } : {});
    } catch (error) {
      const retryable = error instanceof ChatModelError && error.retryable;
      if (!retryable || attempt >= ATTEMPTS) throw error;
      const backoff = 400 * 2 ** (attempt - 1);
      await sleep(Math.min(Math.max(backoff, error.retryAfterMs ?? 0), 10_000));
    }
  }
}

/**
 * One question, end to end, for the bot and the API alike: reserve its cost, ask the AI
 * (three tries on timeouts, 5xx and 429), deliver, and only then commit the charge.
 * Anything that stops the answer from reaching the user gives the charge back.
 */
export async function askAssistant(ctx: CoreContext, deps: AssistantDeps, input: AskInput): Promise<Answer> {
  const chat = deps.chat;
  if (!chat)
    throw new LumenError("SERVICE_UNAVAILABLE", "The AI assistant is not configured", {
      reason: "ai_not_configured",
    });
  const reservation = await reserveQuestion(ctx, deps.config, input);
  const started = performance.now();
  let result: ChatResult;
  try {
    const messages: ChatMessage[] = [
      { role: "system", content: systemPromptFor(reservation.style, reservation.languageCode) },
      ...reservation.history,
      { role: "user", content: input.question },
    ];
    result = await completeWithRetries(deps, chat, messages, input, reservation.model);
    if (!result.text.trim())
      throw new ChatModelError("The AI returned an empty answer", { retryable: false });
    await input.deliver?.(result.text);
  } catch (error) {
    await releaseQuestion(ctx, reservation.messageId, error instanceof Error ? error.message : String(error));
    if (error instanceof ChatModelError) {
      throw new LumenError("UPSTREAM_FAILED", "The AI did not answer; nothing was charged", {
        messageId: reservation.messageId,
      });
    }
    throw error;
  }
  await completeQuestion(ctx, reservation.messageId, {
    answer: result.text,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    latencyMs: Math.round(performance.now() - started),
  });
  return {
    messageId: reservation.messageId,
    answer: result.text,
    model: reservation.model,
    chargedFrom: reservation.chargedFrom,
    ...result,
  };
}
