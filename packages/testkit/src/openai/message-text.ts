import type { ChatMessage } from "./types.ts";

/** The text a message carries: the string, or its text parts joined (images and the like count as nothing). */
export function readMessageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : ""))
    .join("");
}

/** The default reply: echoing the last user message lets a test see exactly what the app sent. */
export function echoLastUserMessage(messages: readonly ChatMessage[]): string {
  const last = messages.findLast((message) => message.role === "user");
  return `Echo: ${last ? readMessageText(last) : ""}`;
}

/**
 * A deterministic stand-in for a tokenizer (one token per 4 UTF-16 units, rounded up)
 * so tests can compute the usage they expect.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

/** prompt_tokens is the sum of estimateTokens over each message's text. */
export function estimateUsage(messages: readonly ChatMessage[], reply: string): Usage {
  const prompt = messages.reduce((sum, message) => sum + estimateTokens(readMessageText(message)), 0);
  const completion = estimateTokens(reply);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
