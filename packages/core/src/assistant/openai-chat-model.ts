import OpenAI, { APIConnectionError, APIError } from "openai";
import { type ChatModel, ChatModelError, type ChatRequest, type ChatResult } from "./chat-model.ts";

export type OpenAIChatModelOptions = { baseURL: string; apiKey: string; timeoutMs: number };

/** Only network trouble, timeouts, rate limits and server errors are worth another try. */
function toChatModelError(error: unknown): ChatModelError {
  if (error instanceof ChatModelError) return error;
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfter = Number(error.headers?.get("retry-after"));
    return new ChatModelError(`AI provider answered ${error.status}`, {
      retryable: error.status === 429 || error.status >= 500 || error.status === 408,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new ChatModelError(`AI provider unreachable: ${error.message}`, { retryable: true, cause: error });
  }
  // A stream that breaks off mid-answer surfaces as a plain error from the iterator.
  return new ChatModelError(`AI request failed: ${(error as Error)?.message ?? error}`, {
    retryable: true,
    cause: error,
  });
}

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * Any OpenAI-compatible server (OpenAI, OpenRouter, vLLM, Ollama) through the official SDK.
 * The SDK's own retries are off: the assistant retries, and knows what each try charged.
 */
export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey,
    timeout: options.timeoutMs,
    maxRetries: 0,
  });
  return {
    async complete(request: ChatRequest, { onDelta } = {}): Promise<ChatResult> {
      try {
        if (!onDelta) {
          const response = await client.chat.completions.create({
            model: request.model,
            messages: request.messages,
          });
          const text = response.choices[0]?.message.content ?? "";
          return {
            text,
            promptTokens: response.usage?.prompt_tokens ?? 0,
            completionTokens: response.usage?.completion_tokens ?? estimateTokens(text),
          };
        }
        const stream = await client.chat.completions.create({
          model: request.model,
          messages: request.messages,
          stream: true,
          stream_options: { include_usage: true },
        });
        let text = "";
        let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
        let finished = false;
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta?.content;
          if (delta) {
            text += delta;
            onDelta(text);
          }
          if (chunk.choices[0]?.finish_reason) finished = true;
          if (chunk.usage) usage = chunk.usage;
        }
        if (!finished)
          throw new ChatModelError("The AI stream ended before the answer was complete", { retryable: true });
        return {
          text,
          promptTokens: usage?.prompt_tokens ?? 0,
          completionTokens: usage?.completion_tokens ?? estimateTokens(text),
        };
      } catch (error) {
        throw toChatModelError(error);
      }
    },
  };
}
