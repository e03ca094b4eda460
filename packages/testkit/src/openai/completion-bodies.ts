import type { Usage } from "./message-text.ts";

/** Everything needed to write one answer, streamed or not. */
export type Completion = {
  id: string;
  created: number;
  model: string;
  reply: string;
  usage: Usage;
  includeUsage: boolean;
};

export function buildCompletionBody(completion: Completion) {
  return {
    id: completion.id,
    object: "chat.completion",
    created: completion.created,
    model: completion.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: completion.reply, refusal: null },
        logprobs: null,
        finish_reason: "stop",
      },
    ],
    usage: completion.usage,
    system_fingerprint: null,
  };
}

/**
 * The stream as OpenAI sends it: a role chunk with empty content, one chunk per word
 * (so a client sees the text grow), a finish chunk, the usage chunk when asked for.
 * `[DONE]` is not included; the writer adds it, so a cut stream can leave it out.
 */
export function buildStreamChunks(completion: Completion): { chunks: object[]; contentChunks: number } {
  const usageField = completion.includeUsage ? { usage: null } : {};
  const chunk = (delta: object, finishReason: string | null) => ({
    id: completion.id,
    object: "chat.completion.chunk",
    created: completion.created,
    model: completion.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...usageField,
  });
  const words = splitIntoWords(completion.reply);
  const chunks: object[] = [
    chunk({ role: "assistant", content: "", refusal: null }, null),
    ...words.map((word) => chunk({ content: word }, null)),
    chunk({}, "stop"),
  ];
  if (completion.includeUsage) {
    chunks.push({
      id: completion.id,
      object: "chat.completion.chunk",
      created: completion.created,
      model: completion.model,
      system_fingerprint: null,
      choices: [],
      usage: completion.usage,
    });
  }
  return { chunks, contentChunks: words.length };
}

/** Each piece keeps its leading whitespace, so the pieces join back to the exact reply. */
export function splitIntoWords(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}
