import type { StoreAnswerDone, StoreAnswerError } from "@lumen/contracts";
import { Link } from "@tanstack/react-router";
import { t } from "../../lib/i18n.ts";

/** A question and its answer as the page shows it; live turns also carry what the answer cost. */
export type Turn = {
  key: string;
  question: string;
  answer: string;
  state: "streaming" | "done" | "failed";
  done?: StoreAnswerDone;
  error?: StoreAnswerError;
};

function chargeText(done: StoreAnswerDone): string {
  if (done.charged_from === "plan") return t("assistant.chargedPlan");
  if (done.charged_from === "trial") return t("assistant.chargedTrial", { count: done.trial_messages_left });
  return t("assistant.chargedCredits", { count: done.balance });
}

function ErrorNote({ error }: { error: StoreAnswerError }) {
  if (error.code === "INSUFFICIENT_CREDITS")
    return (
      <p className="text-sm text-destructive" data-testid="chat-error">
        {t("assistant.noCredits")}{" "}
        <Link to="/" className="font-medium underline">
          {t("assistant.toCatalog")}
        </Link>
      </p>
    );
  const known: Record<string, string> = {
    UPSTREAM_FAILED: t("assistant.upstreamFailed"),
    SERVICE_UNAVAILABLE: t("assistant.unavailable"),
    RATE_LIMITED: t("assistant.rateLimited"),
    NETWORK: t("errors.network"),
  };
  return (
    <p className="text-sm text-destructive" data-testid="chat-error">
      {known[error.code] ?? t("errors.generic")}
    </p>
  );
}

export function ChatTurn({ turn }: { turn: Turn }) {
  return (
    <li className="flex flex-col gap-2" data-testid="chat-turn">
      <p className="ml-10 self-end whitespace-pre-wrap rounded-2xl rounded-br-sm bg-primary px-3 py-2 text-sm text-primary-foreground">
        {turn.question}
      </p>
      {turn.answer || turn.state === "streaming" ? (
        <p
          className="mr-10 self-start whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-card px-3 py-2 text-sm"
          data-testid="chat-answer"
          aria-busy={turn.state === "streaming"}
        >
          {turn.answer || "…"}
        </p>
      ) : null}
      {turn.done ? (
        <p className="px-1 text-xs text-muted-foreground" data-testid="chat-charge">
          {chargeText(turn.done)}
        </p>
      ) : null}
      {turn.error ? <ErrorNote error={turn.error} /> : null}
    </li>
  );
}
