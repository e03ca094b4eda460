import { type ErrorAnswer, invalidRequest } from "./openai-error.ts";
import type { ChatMessage } from "./types.ts";

export type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  body: Record<string, unknown>;
};

export type ParsedBody =
  | { body: Record<string, unknown> }
  | { body: Record<string, unknown>; error: ErrorAnswer };

/** JSON errors are answered the way OpenAI answers them, so clients see a 400 and not a crash. */
export function parseJsonBody(raw: Buffer): ParsedBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    return {
      body: {},
      error: invalidRequest(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
        null,
      ),
    };
  }
  if (!isRecord(parsed)) {
    return { body: {}, error: invalidRequest("The request body must be a JSON object.", null) };
  }
  return { body: parsed };
}

/**
 * Checks what OpenAI checks before it does any work, with the same `param` names,
 * so a client bug shows up here as the same 400 it would get in production.
 */
export function validateChatRequest(body: Record<string, unknown>): ChatRequest | ErrorAnswer {
  const { model, messages, stream, stream_options: streamOptions } = body;
  if (model === undefined || model === null || model === "") {
    return invalidRequest("you must provide a model parameter", "model");
  }
  if (typeof model !== "string") {
    return invalidRequest(
      `Invalid type for 'model': expected a string, but got ${typeName(model)}.`,
      "model",
    );
  }
  if (messages === undefined) {
    return invalidRequest(
      "Missing required parameter: 'messages'.",
      "messages",
      "missing_required_parameter",
    );
  }
  if (!Array.isArray(messages)) {
    return invalidRequest(
      `Invalid type for 'messages': expected an array, but got ${typeName(messages)}.`,
      "messages",
    );
  }
  if (messages.length === 0) {
    return invalidRequest("[] is too short - 'messages'", "messages", "empty_array");
  }
  for (const [index, message] of messages.entries()) {
    const problem = checkMessage(message, `messages[${index}]`);
    if (problem) return problem;
  }
  if (stream !== undefined && stream !== null && typeof stream !== "boolean") {
    return invalidRequest(
      `Invalid type for 'stream': expected a boolean, but got ${typeName(stream)}.`,
      "stream",
    );
  }
  if (streamOptions !== undefined && streamOptions !== null && stream !== true) {
    return invalidRequest(
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      "stream_options",
    );
  }
  return {
    model,
    messages: messages as ChatMessage[],
    stream: stream === true,
    includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    body,
  };
}

function checkMessage(message: unknown, param: string): ErrorAnswer | undefined {
  if (!isRecord(message)) {
    return invalidRequest(
      `Invalid type for '${param}': expected an object, but got ${typeName(message)}.`,
      param,
    );
  }
  if (typeof message.role !== "string" || message.role === "") {
    return invalidRequest(
      `Missing required parameter: '${param}.role'.`,
      `${param}.role`,
      "missing_required_parameter",
    );
  }
  const { content } = message;
  const contentOk =
    typeof content === "string" ||
    (content === null && message.role === "assistant") ||
    (content === undefined && message.role === "assistant") ||
    (Array.isArray(content) && content.every(isRecord));
  if (!contentOk) {
    return invalidRequest(
      `Invalid value for '${param}.content': expected a string or an array of content parts, but got ${typeName(content)}.`,
      `${param}.content`,
    );
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
