import { Button } from "@lumen/ui/components/button";
import { cn } from "@lumen/ui/lib/utils";
import { ExternalLinkIcon } from "lucide-react";
import type { InvoiceRef, PlaygroundMessage } from "../api/playground-api.ts";
import { usePlaygroundT } from "../i18n.ts";
import { FormattedText } from "./formatted-text.tsx";

export type MessageActions = {
  press(messageId: number, data: string): void;
  pay(ref: InvoiceRef): void;
  /** A web_app button: the bot's Mini App opens beside the chat. */
  openMiniApp(url: string): void;
  /** An invite or invoice link; returns true when the playground handled it. */
  openLink(url: string): boolean;
};

const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** One message as Telegram draws it: a bubble with formatting, then its inline keyboard. */
export function MessageBubble({ message, actions }: { message: PlaygroundMessage; actions: MessageActions }) {
  const t = usePlaygroundT();
  if (message.payment) {
    return (
      <div
        className="self-center rounded-full bg-muted px-3 py-1 text-xs text-muted-foreground"
        data-testid="pg-payment"
      >
        {t("paid", {
          amount: message.payment.total_amount,
          currency: message.payment.currency === "XTR" ? "⭐" : message.payment.currency,
        })}
        {message.payment.refunded ? ` · ${t("refunded")}` : ""}
      </div>
    );
  }
  if (message.refund) {
    return (
      <div
        className="self-center rounded-full bg-muted px-3 py-1 text-xs text-muted-foreground"
        data-testid="pg-refund"
      >
        {t("refundedNote", {
          amount: message.refund.total_amount,
          currency: message.refund.currency === "XTR" ? "⭐" : message.refund.currency,
        })}
      </div>
    );
  }
  const mine = !message.from_bot;
  return (
    <div
      className={cn(
        "flex max-w-[85%] flex-col gap-1",
        mine ? "self-end items-end" : "self-start items-start",
      )}
      data-testid="pg-message"
      data-from={mine ? "user" : "bot"}
    >
      <div
        className={cn(
          "rounded-2xl px-3 py-2 text-sm shadow-xs",
          mine ? "rounded-br-sm bg-primary text-primary-foreground" : "rounded-bl-sm border bg-card",
        )}
      >
        {message.invoice ? (
          <div className="space-y-1">
            <div className="text-xs uppercase text-muted-foreground">{t("invoice")}</div>
            <div className="font-semibold">{message.invoice.title}</div>
            <div className="text-muted-foreground">{message.invoice.description}</div>
            <Button size="sm" className="mt-1 w-full" onClick={() => actions.pay({ message_id: message.id })}>
              {t("payButton", { amount: message.invoice.total_amount })}
            </Button>
          </div>
        ) : (
          <FormattedText text={message.text} entities={message.entities} onLink={actions.openLink} />
        )}
        <div
          className={cn(
            "mt-1 text-right text-[10px]",
            mine ? "text-primary-foreground/70" : "text-muted-foreground",
          )}
        >
          {message.edited ? `${t("edited")} · ` : ""}
          {time(message.date)}
        </div>
      </div>
      {message.buttons
        .filter((row) => row.length > 0)
        .map((row) => (
          <div key={row.map((b) => b.text).join("|")} className="flex w-full gap-1">
            {row.map((button) => (
              <Button
                key={`${button.text}-${button.callback_data ?? button.url}`}
                variant="secondary"
                size="sm"
                className="h-auto min-h-8 flex-1 whitespace-normal py-1"
                onClick={() => {
                  if (button.callback_data) actions.press(message.id, button.callback_data);
                  else if (button.url && button.web_app) actions.openMiniApp(button.url);
                  else if (button.url && !actions.openLink(button.url))
                    window.open(button.url, "_blank", "noreferrer");
                }}
              >
                {button.text}
                {button.url && !button.web_app ? <ExternalLinkIcon className="size-3" /> : null}
              </Button>
            ))}
          </div>
        ))}
    </div>
  );
}

/** An answer the bot is still writing (sendMessageDraft): it grows live, then the message replaces it. */
export function DraftBubble({ text }: { text: string }) {
  const t = usePlaygroundT();
  return (
    <div className="flex max-w-[85%] flex-col gap-1 self-start" data-testid="pg-draft" aria-live="polite">
      <div className="whitespace-pre-wrap rounded-2xl rounded-bl-sm border border-dashed bg-card px-3 py-2 text-sm">
        {text}
        <span className="ml-1 inline-block animate-pulse text-muted-foreground">▍</span>
      </div>
      <span className="text-[10px] text-muted-foreground">{t("draft")}</span>
    </div>
  );
}
