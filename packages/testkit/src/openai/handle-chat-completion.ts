import type { IncomingHttpHeaders } from "node:http";
import type { FaultPlan } from "./fault-plan.ts";
import { type Exchange, readBody, writeError } from "./http-server.ts";
import { echoLastUserMessage, estimateUsage } from "./message-text.ts";
import { type ErrorAnswer, failureAnswer, modelNotFound, unauthorized } from "./openai-error.ts";
import type { RequestLog } from "./request-log.ts";
import type { ChatMessage, ChatRequestRecord, ReplyFunction } from "./types.ts";
import {
  type ChatRequest,
  type ParsedBody,
  parseJsonBody,
  validateChatRequest,
} from "./validate-chat-request.ts";
import { type Pacing, pause, waitForAbort, writeCompletion } from "./write-completion.ts";

/** The fake's mutable settings, changed by the setters between (or during) requests. */
export type FakeSettings = {
  apiKey: string | undefined;
  models: readonly string[] | null;
  reply: string | ReplyFunction;
  pacing: Pacing;
  faults: FaultPlan;
  log: RequestLog;
};

type Draft = Omit<ChatRequestRecord, "index" | "outcome" | "status">;

/** POST /v1/chat/completions: judge, record, then answer, fail, hold or cut as planned. */
export async function handleChatCompletion(exchange: Exchange, settings: FakeSettings): Promise<void> {
  const raw = await readBody(exchange.request);
  if (raw === undefined || exchange.signal.aborted) return;
  const parsed = parseJsonBody(raw);
  const { body } = parsed;
  const draft: Draft = {
    model: typeof body.model === "string" ? body.model : "",
    messages: Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [],
    stream: body.stream === true,
    body,
    headers: redactHeaders(exchange.request.headers),
    at: Date.now(),
    clientAborted: false,
  };
  const request = judge(exchange, parsed, settings);
  if ("status" in request) return fail(exchange, settings, draft, request);

  const failure = settings.faults.take();
  if (failure === "timeout") {
    record(exchange, settings, { ...draft, outcome: "timeout", status: undefined });
    await waitForAbort(exchange.signal);
    return;
  }
  if (typeof failure === "object") {
    return fail(
      exchange,
      settings,
      draft,
      failureAnswer(failure.status, failure.message, failure.retryAfterSeconds),
    );
  }
  let reply: string;
  try {
    reply = await computeReply(settings.reply, request);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      exchange,
      settings,
      draft,
      failureAnswer(500, `fake openai: the reply function threw: ${reason}`),
    );
  }
  const cut = failure === "cut-stream";
  const entry = record(exchange, settings, {
    ...draft,
    outcome: cut ? "cut" : "answered",
    status: 200,
    reply,
  });
  const completion = {
    id: `chatcmpl-fake${entry.index}`,
    created: Math.floor(entry.at / 1000),
    model: request.model,
    reply,
    usage: estimateUsage(request.messages, reply),
    includeUsage: request.includeUsage,
  };
  await writeCompletion(exchange, completion, request.stream, settings.pacing, cut);
}

/** Checks in OpenAI's order: key, body, model. */
function judge(exchange: Exchange, parsed: ParsedBody, settings: FakeSettings): ChatRequest | ErrorAnswer {
  const authorization = exchange.request.headers.authorization;
  if (settings.apiKey !== undefined && authorization !== `Bearer ${settings.apiKey}`) {
    return unauthorized(authorization);
  }
  if ("error" in parsed) return parsed.error;
  const request = validateChatRequest(parsed.body);
  if ("status" in request) return request;
  if (settings.models && !settings.models.includes(request.model)) return modelNotFound(request.model);
  return request;
}

async function fail(exchange: Exchange, settings: FakeSettings, draft: Draft, answer: ErrorAnswer) {
  record(exchange, settings, {
    ...draft,
    outcome: "failed",
    status: answer.status,
    error: answer.body.error.message,
  });
  if (await pause(settings.pacing.delayMs, exchange.signal)) writeError(exchange, answer);
}

function record(
  exchange: Exchange,
  settings: FakeSettings,
  entry: Omit<ChatRequestRecord, "index">,
): ChatRequestRecord {
  const recorded = settings.log.record(entry);
  const markAborted = () => {
    if (exchange.signal.reason === "client") settings.log.update(recorded, { clientAborted: true });
  };
  if (exchange.signal.aborted) markAborted();
  else exchange.signal.addEventListener("abort", markAborted, { once: true });
  return recorded;
}

async function computeReply(reply: string | ReplyFunction, request: ChatRequest): Promise<string> {
  if (typeof reply === "string") return reply;
  const text = await reply({ model: request.model, messages: request.messages, body: request.body });
  if (typeof text !== "string") throw new TypeError(`expected a string, got ${typeof text}`);
  return text;
}

export function defaultReply(request: { messages: ChatMessage[] }): string {
  return echoLastUserMessage(request.messages);
}

/** Keys never reach the request log, which tests print freely. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const redacted = name === "authorization" || name === "api-key";
    result[name] = redacted ? "[redacted]" : Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}
