import type { ChatModel, ChatRequest, ChatResult } from "./chat-model.ts";

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * The playground's stand-in for an AI provider when OPENAI_API_KEY is not set: it answers in about
 * a second, offline, and says plainly that it is not a real model, so the whole paid-question flow (trial,
 * credits, plans, streaming) can be tried without an account anywhere. Never used once a key is set.
 */
export function createOfflineChatModel(options: { pauseMs?: number } = {}): ChatModel {
  const pauseMs = options.pauseMs ?? 40;
  return {
    async complete(request: ChatRequest, { onDelta } = {}): Promise<ChatResult> {
      const turns = request.messages.filter((m) => m.role !== "system");
      const question = [...turns].reverse().find((m) => m.role === "user")?.content ?? "";
      const text = [
        "🔌 Offline demo model (no OPENAI_API_KEY is set, so no real AI answers here).",
        `You wrote: "${question.length > 300 ? `${question.slice(0, 300)}…` : question}"`,
        `This conversation has ${turns.length} message${turns.length === 1 ? "" : "s"} so far.`,
      ].join("\n");
      if (onDelta) {
        // Streamed word by word with a short pause, as a real model writes, so the bot's drafts
        // (sendMessageDraft) can be watched growing in the playground.
        const words = text.split(/(?<=\s)/);
        for (let i = 1; i <= words.length; i++) {
          onDelta(words.slice(0, i).join(""));
          if (pauseMs > 0 && i < words.length) await new Promise((done) => setTimeout(done, pauseMs));
        }
      }
      const prompt = request.messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);
      return { text, promptTokens: prompt, completionTokens: estimateTokens(text) };
    },
  };
}
