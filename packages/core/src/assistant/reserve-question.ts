import { type ChargeSource, runPreparedSql } from "@lumen/db";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { type AssistantConfig, priceOf } from "./assistant-config.ts";
import type { ChatMessage } from "./chat-model.ts";
import { reserveQuestionSql } from "./reserve-question-sql.ts";

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
  /** The earlier turns of the conversation, read in the same statement. */
  history: ChatMessage[];
};

type ReservedRow = {
  isBanned: boolean;
  locale: string | null;
  languageCode: string | null;
  model: string;
  style: string;
  chargedFrom: ChargeSource | null;
  /** JSON text: [[question, answer], ...], newest first (the order of the index scan). */
  history: string;
};

/** The offered models as the statement reads them; made once per config, not per question. */
const modelsJson = new WeakMap<AssistantConfig, string>();
function modelsOf(config: AssistantConfig): string {
  let json = modelsJson.get(config);
  if (json === undefined) {
    json = JSON.stringify(config.models.map((m) => ({ id: m.id, price: m.price })));
    modelsJson.set(config, json);
  }
  return json;
}

function historyFrom(json: string): ChatMessage[] {
  const turns = JSON.parse(json) as Array<[string, string | null]>;
  return turns.reverse().flatMap(([question, answer]) => [
    { role: "user" as const, content: question },
    { role: "assistant" as const, content: answer ?? "" },
  ]);
}

/**
 * Takes what one question costs before the AI is called: from the plan first, then the
 * trial, then credits; each by a conditional UPDATE, so concurrent questions can never use
 * more than the user has. The pending messages_log row written with the charge is the
 * reservation that completeQuestion commits and releaseQuestion returns. All of it is one
 * statement, one round trip (reserve-question-sql.ts says why and what it keeps).
 */
export async function reserveQuestion(
  ctx: CoreContext,
  config: AssistantConfig,
  input: ReserveQuestionInput,
): Promise<Reservation> {
  const messageId = crypto.randomUUID();
  const [row] = await runPreparedSql<ReservedRow>(ctx.db, reserveQuestionSql, [
    input.userId,
    ctx.clock.now(),
    messageId,
    input.question,
    input.channel,
    input.botId ?? null,
    modelsOf(config),
    config.defaultModel,
    priceOf(config, config.defaultModel),
    Math.max(0, config.contextTurns),
  ]);
  if (!row) throw notFound("User", input.userId);
  if (row.isBanned) throw new LumenError("FORBIDDEN", "This user is banned");
  if (!row.chargedFrom) throw new LumenError("INSUFFICIENT_CREDITS", "Not enough credits");
  return {
    messageId,
    model: row.model,
    style: row.style,
    chargedFrom: row.chargedFrom,
    languageCode: row.locale ?? row.languageCode,
    history: historyFrom(row.history),
  };
}
