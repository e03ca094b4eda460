import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LayoutGridIcon, SendIcon } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  type InvoiceRef,
  joinByLink,
  launchMiniApp,
  type PlaygroundState,
  payInvoice,
  playgroundChatQueryOptions,
  playgroundKeys,
  pressButton,
  sendText,
} from "../api/playground-api.ts";
import { usePlaygroundT } from "../i18n.ts";
import { DraftBubble, type MessageActions, MessageBubble } from "./message-bubble.tsx";
import { type MiniAppEvents, MiniAppFrame, postToMiniApp } from "./mini-app-frame.tsx";
import { PaySheet } from "./pay-sheet.tsx";

const quickCommands = ["/start", "/help", "/balance", "/buy", "/status", "/partner"];
const isInvite = (url: string) => /^https:\/\/t\.me\/\+[\w-]+$/.test(url);
const isInvoiceLink = (url: string) => /^https:\/\/t\.me\/\$[\w-]+$/.test(url);

/** The private chat of one test user with the demo bot, as a Telegram client shows it. */
export function ChatPanel({
  state,
  user,
}: {
  state: PlaygroundState;
  user: PlaygroundState["users"][number];
}) {
  const t = usePlaygroundT();
  const queryClient = useQueryClient();
  const chat = useQuery(playgroundChatQueryOptions(user.id));
  const [text, setText] = useState("");
  const [invoice, setInvoice] = useState<InvoiceRef | null>(null);
  const [miniAppUrl, setMiniAppUrl] = useState<string | null>(null);
  /** The slug of an invoice the Mini App opened: it hears how the sheet closed. */
  const appInvoice = useRef<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: playgroundKeys.all });

  const send = useMutation({ mutationFn: sendText, onSuccess: refresh });
  const press = useMutation({ mutationFn: pressButton });
  const join = useMutation({
    mutationFn: joinByLink,
    onSuccess: (result) => {
      toast.success(t(result.outcome === "joined" ? "joined" : "requested"));
      void refresh();
    },
  });
  const openMiniApp = useMutation({
    mutationFn: launchMiniApp,
    onSuccess: (launch) => setMiniAppUrl(launch.url),
  });
  /** Tells the Mini App how its invoice sheet closed, as Telegram does (`invoice_closed`). */
  const closeAppInvoice = (status: "paid" | "failed" | "cancelled") => {
    if (appInvoice.current)
      postToMiniApp(frame.current, "invoice_closed", { slug: appInvoice.current, status });
    appInvoice.current = null;
  };
  const pay = useMutation({
    mutationFn: payInvoice,
    onSuccess: (result) => {
      if (result.ok) toast.success(t("sheet.done", { stars: result.stars }));
      else toast.error(t("sheet.declined", { reason: result.error_message ?? "" }));
      closeAppInvoice(result.ok ? "paid" : "failed");
      setInvoice(null);
      void refresh();
    },
  });
  const miniAppEvents = useMemo<MiniAppEvents>(
    () => ({
      openInvoice(slug) {
        appInvoice.current = slug;
        setInvoice({ link: `https://t.me/$${slug}` });
      },
      close: () => setMiniAppUrl(null),
    }),
    [],
  );
  const closeSheet = () => {
    closeAppInvoice("cancelled");
    setInvoice(null);
  };

  const count = chat.data?.messages.length ?? 0;
  const draft = chat.data?.draft ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when a message or more of a draft arrives
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [count, draft]);

  const actions: MessageActions = {
    press: (messageId, data) => press.mutate({ userId: user.id, messageId, data }),
    openMiniApp: (url) => openMiniApp.mutate({ userId: user.id, url }),
    pay: (ref) => setInvoice(ref),
    openLink(url) {
      if (isInvite(url)) join.mutate({ userId: user.id, link: url });
      else if (isInvoiceLink(url)) setInvoice({ link: url });
      else return false;
      return true;
    },
  };
  const submit = (value: string) => {
    const trimmed = value.trim();
    if (!trimmed) return;
    send.mutate({ userId: user.id, text: trimmed });
    setText("");
  };

  return (
    <div className="flex flex-col gap-4 lg:flex-row">
      <section
        aria-label={t("chatWith", { name: user.first_name, bot: state.bot.username })}
        className="flex h-[70dvh] min-h-[420px] min-w-0 flex-1 flex-col overflow-hidden rounded-xl border bg-muted/30"
      >
        <header className="flex items-center gap-3 border-b bg-card px-4 py-2">
          <div className="flex size-9 items-center justify-center rounded-full bg-primary text-primary-foreground">
            {state.bot.first_name.slice(0, 1)}
          </div>
          <div className="min-w-0 flex-1">
            <div className="truncate font-medium">{state.bot.first_name}</div>
            <div className="truncate text-xs text-muted-foreground">@{state.bot.username}</div>
          </div>
          <Button
            variant="outline"
            size="sm"
            disabled={openMiniApp.isPending}
            onClick={() => openMiniApp.mutate({ userId: user.id, url: state.menu_button?.url })}
          >
            <LayoutGridIcon />
            {state.menu_button?.text ?? t("miniApp.open")}
          </Button>
        </header>
        <div className="flex flex-1 flex-col gap-2 overflow-y-auto p-4" data-testid="pg-messages">
          {count === 0 ? <p className="m-auto text-sm text-muted-foreground">{t("empty")}</p> : null}
          {chat.data?.messages.map((message) => (
            <MessageBubble key={message.id} message={message} actions={actions} />
          ))}
          {draft ? <DraftBubble text={draft} /> : null}
          <div ref={bottom} />
        </div>
        <div
          className="flex flex-wrap gap-1 border-t bg-card px-3 pt-2"
          role="toolbar"
          aria-label={t("commands")}
        >
          {quickCommands.map((command) => (
            <Button
              key={command}
              variant="ghost"
              size="sm"
              className="h-7 px-2 font-mono text-xs"
              onClick={() => submit(command)}
            >
              {command}
            </Button>
          ))}
        </div>
        <form
          className="flex gap-2 bg-card p-3"
          onSubmit={(event) => {
            event.preventDefault();
            submit(text);
          }}
        >
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("composer")}
            aria-label={t("composer")}
            maxLength={4096}
          />
          <Button type="submit" size="icon" aria-label={t("send")} disabled={send.isPending}>
            <SendIcon />
          </Button>
        </form>
        <PaySheet
          userId={user.id}
          userName={user.first_name}
          stars={user.stars}
          invoice={invoice}
          paying={pay.isPending}
          onPay={(ref) => pay.mutate({ userId: user.id, ref })}
          onClose={closeSheet}
        />
      </section>
      {miniAppUrl ? (
        <MiniAppFrame
          url={miniAppUrl}
          title={t("miniApp.frame", { bot: state.bot.username, name: user.first_name })}
          frameRef={frame}
          events={miniAppEvents}
        />
      ) : null}
    </div>
  );
}
