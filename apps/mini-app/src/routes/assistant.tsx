import { Button } from "@lumen/ui/components/button";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { chatHistoryQuery, startNewChat } from "../features/assistant/api.ts";
import { ChatTurn, type Turn } from "../features/assistant/chat-turn.tsx";
import { streamAnswer } from "../features/assistant/stream-answer.ts";
import { ApiError } from "../lib/api.ts";
import { t } from "../lib/i18n.ts";

export const Route = createFileRoute("/assistant")({
  component: AssistantPage,
});

/**
 * The AI assistant, charged exactly as in the bot: the conversation so far, the answer shown as
 * it is written, what it cost, and "New chat" (the bot's /new).
 */
function AssistantPage() {
  const queryClient = useQueryClient();
  const history = useQuery(chatHistoryQuery);
  const [live, setLive] = useState<Turn[]>([]);
  const [question, setQuestion] = useState("");
  const [asking, setAsking] = useState(false);
  const fresh = useMutation({
    mutationFn: startNewChat,
    onSuccess: () => {
      queryClient.setQueryData(chatHistoryQuery.queryKey, { items: [] });
      setLive([]);
    },
  });

  const update = (key: string, change: Partial<Turn>) =>
    setLive((turns) => turns.map((turn) => (turn.key === key ? { ...turn, ...change } : turn)));

  async function ask(event: FormEvent) {
    event.preventDefault();
    const text = question.trim();
    if (!text || asking) return;
    const key = crypto.randomUUID();
    setLive((turns) => [...turns, { key, question: text, answer: "", state: "streaming" }]);
    setQuestion("");
    setAsking(true);
    try {
      const outcome = await streamAnswer(text, { onText: (answer) => update(key, { answer }) });
      if (outcome.ok) update(key, { state: "done", done: outcome.done });
      else update(key, { state: "failed", answer: "", error: outcome.error });
      void queryClient.invalidateQueries({ queryKey: ["me"] });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "ERROR";
      update(key, { state: "failed", answer: "", error: { code, message: String(error) } });
    } finally {
      setAsking(false);
    }
  }

  if (history.isPending) return <LoadingCards count={2} />;
  if (history.isError) return <LoadError error={history.error} retry={() => void history.refetch()} />;
  const past: Turn[] = history.data.items.map((m) => ({ key: m.id, ...m, state: "done" }));
  const turns = [...past, ...live];
  return (
    <>
      <div className="flex items-center justify-between px-1 pt-1">
        <h1 className="text-base font-semibold">{t("assistant.title")}</h1>
        <Button
          variant="secondary"
          size="sm"
          className="rounded-lg"
          disabled={asking || fresh.isPending}
          onClick={() => fresh.mutate()}
        >
          {t("assistant.newChat")}
        </Button>
      </div>
      {turns.length === 0 ? (
        <p className="rounded-xl bg-card p-4 text-sm text-muted-foreground" data-testid="chat-empty">
          {t("assistant.empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-4" data-testid="chat">
          {turns.map((turn) => (
            <ChatTurn key={turn.key} turn={turn} />
          ))}
        </ul>
      )}
      <form className="sticky bottom-0 flex items-end gap-2 bg-background/95 pt-2 pb-1" onSubmit={ask}>
        <Textarea
          aria-label={t("assistant.placeholder")}
          placeholder={t("assistant.placeholder")}
          className="max-h-40 min-h-11 flex-1 rounded-xl bg-card"
          maxLength={4000}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) void ask(e);
          }}
        />
        <Button type="submit" className="h-11 rounded-xl" disabled={asking || !question.trim()}>
          {asking ? t("assistant.sending") : t("assistant.send")}
        </Button>
      </form>
    </>
  );
}
