/** What the assistant needs from an AI provider; the server adapts the OpenAI SDK to it. */
export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };
export type ChatRequest = { model: string; messages: ChatMessage[] };
export type ChatResult = { text: string; promptTokens: number; completionTokens: number };

export type ChatModel = {
  /** Streams when onDelta is given: it receives the whole text so far, each time it grows. */
  complete(request: ChatRequest, options?: { onDelta?: (textSoFar: string) => void }): Promise<ChatResult>;
};

/** A provider failure, saying whether trying again may help (timeouts, 5xx, 429) and when. */
export class ChatModelError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "ChatModelError";
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}
