import { type ChatModel, ChatModelError, type ChatRequest, type ChatResult } from "./chat-model.ts";
import { createOpenAIHttp, type OpenAIResponse, readEventData } from "./openai-http.ts";

export type OpenAIChatModelOptions = { baseURL: string; apiKey: string; timeoutMs: number };

type Usage = { prompt_tokens?: number; completion_tokens?: number };
type Completion = { choices?: Array<{ message?: { content?: string | null } }>; usage?: Usage | null };
type Chunk = {
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: Usage | null;
  error?: { message?: string };
};

/** Only timeouts, rate limits and server errors are worth another try. */
async function failureOf(response: OpenAIResponse): Promise<ChatModelError> {
  await response.text().catch(() => "");
  const retryAfter = Number(response.headers["retry-after"]);
  return new ChatModelError(`AI provider answered ${response.status}`, {
    retryable: response.status === 429 || response.status >= 500 || response.status === 408,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}

/** Anything else that broke the exchange (a reset, a cut stream, a body that is not JSON). */
function toChatModelError(error: unknown): ChatModelError {
  if (error instanceof ChatModelError) return error;
  return new ChatModelError(`AI request failed: ${(error as Error)?.message ?? error}`, {
    retryable: true,
    cause: error,
  });
}

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

async function readStream(
  response: OpenAIResponse,
  onDelta: (textSoFar: string) => void,
): Promise<ChatResult> {
  let text = "";
  let usage: Usage | null | undefined;
  let finished = false;
  for await (const data of readEventData(response.chunks())) {
    const chunk = JSON.parse(data) as Chunk;
    if (chunk.error) throw new ChatModelError(`AI stream error: ${chunk.error.message}`, { retryable: true });
    const delta = chunk.choices?.[0]?.delta?.content;
    if (delta) {
      text += delta;
      onDelta(text);
    }
    if (chunk.choices?.[0]?.finish_reason) finished = true;
    if (chunk.usage) usage = chunk.usage;
  }
  if (!finished)
    throw new ChatModelError("The AI stream ended before the answer was complete", { retryable: true });
  return {
    text,
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? estimateTokens(text),
  };
}

/**
 * Any OpenAI-compatible server (OpenAI, OpenRouter, vLLM, Ollama), spoken to directly over
 * HTTP (openai-http.ts says why not the SDK). Production and the tests against the fake in
 * packages/testkit use this same client. It never retries: the assistant retries, and knows
 * what each try charged.
 */
export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const api = createOpenAIHttp(options);
  return {
    async complete(request: ChatRequest, { onDelta } = {}): Promise<ChatResult> {
      try {
        const response = await api.post(
          "chat/completions",
          onDelta
            ? {
                model: request.model,
                messages: request.messages,
                stream: true,
                stream_options: { include_usage: true },
              }
            : { model: request.model, messages: request.messages },
        );
        if (response.status >= 400 || response.status < 200) throw await failureOf(response);
        if (onDelta) return await readStream(response, onDelta);
        const body = JSON.parse(await response.text()) as Completion;
        const text = body.choices?.[0]?.message?.content ?? "";
        return {
          text,
          promptTokens: body.usage?.prompt_tokens ?? 0,
          completionTokens: body.usage?.completion_tokens ?? estimateTokens(text),
        };
      } catch (error) {
        throw toChatModelError(error);
      }
    },
  };
}
