import { Button } from "@lumen/ui/components/button";
import { ArrowLeftIcon, XIcon } from "lucide-react";
import { type RefObject, useEffect, useState } from "react";
import { usePlaygroundT } from "../i18n.ts";

export type MiniAppEvents = {
  /** The app opened an invoice (`web_app_open_invoice`): the playground's pay sheet takes it. */
  openInvoice(slug: string): void;
  close(): void;
};

/** Telegram's side of the web client protocol: JSON `{eventType, eventData}` by postMessage. */
export function postToMiniApp(frame: HTMLIFrameElement | null, eventType: string, eventData: unknown): void {
  frame?.contentWindow?.postMessage(JSON.stringify({ eventType, eventData }), window.location.origin);
}

/**
 * The demo bot's Mini App in a side panel, as Telegram's web client shows one: the store of this
 * server in a frame, opened with signed test launch data in the URL hash. The page plays the
 * client: it answers the SDK's requests (theme, viewport, safe areas) and takes the invoices the
 * store opens to the playground's pay sheet. The store recognises a frame of its own server and
 * talks to it by postMessage like to web.telegram.org; nothing else of the store changes.
 */
export function MiniAppFrame({
  url,
  title,
  frameRef,
  events,
}: {
  url: string;
  title: string;
  frameRef: RefObject<HTMLIFrameElement | null>;
  events: MiniAppEvents;
}) {
  const t = usePlaygroundT();
  // Telegram draws these two outside the app's page; the app sets them up by events.
  const [mainButton, setMainButton] = useState<{ text: string; active: boolean } | null>(null);
  const [backButton, setBackButton] = useState(false);
  useEffect(() => {
    const onMessage = (message: MessageEvent) => {
      const frame = frameRef.current;
      if (!frame || message.source !== frame.contentWindow || message.origin !== window.location.origin)
        return;
      let parsed: { eventType?: string; eventData?: Record<string, unknown> };
      try {
        parsed = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const reply = (type: string, data: unknown) => postToMiniApp(frame, type, data);
      switch (parsed.eventType) {
        case "web_app_request_viewport":
          return reply("viewport_changed", {
            height: frame.clientHeight,
            width: frame.clientWidth,
            is_expanded: true,
            is_state_stable: true,
          });
        case "web_app_request_safe_area":
          return reply("safe_area_changed", { top: 0, bottom: 0, left: 0, right: 0 });
        case "web_app_request_content_safe_area":
          return reply("content_safe_area_changed", { top: 0, bottom: 0, left: 0, right: 0 });
        case "web_app_open_invoice":
          return events.openInvoice(String(parsed.eventData?.slug ?? ""));
        case "web_app_open_link": {
          const link = String(parsed.eventData?.url ?? "");
          if (/^https?:\/\//.test(link)) window.open(link, "_blank", "noreferrer");
          return;
        }
        case "web_app_close":
          return events.close();
        case "web_app_setup_main_button": {
          const data = parsed.eventData ?? {};
          return setMainButton(
            data.is_visible ? { text: String(data.text ?? ""), active: data.is_active !== false } : null,
          );
        }
        case "web_app_setup_back_button":
          return setBackButton(parsed.eventData?.is_visible === true);
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [frameRef, events]);

  return (
    <aside
      aria-label={t("miniApp.title")}
      className="flex h-[70dvh] min-h-[420px] w-full flex-col overflow-hidden rounded-xl border bg-card lg:w-[380px] lg:shrink-0"
    >
      <header className="flex items-center gap-2 border-b px-3 py-2">
        {backButton ? (
          <Button
            size="icon"
            variant="ghost"
            aria-label={t("miniApp.back")}
            onClick={() => postToMiniApp(frameRef.current, "back_button_pressed", undefined)}
          >
            <ArrowLeftIcon />
          </Button>
        ) : null}
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm font-medium">{t("miniApp.title")}</div>
          <div className="truncate text-xs text-muted-foreground">{t("miniApp.hint")}</div>
        </div>
        <Button size="icon" variant="ghost" aria-label={t("miniApp.close")} onClick={events.close}>
          <XIcon />
        </Button>
      </header>
      <iframe ref={frameRef} src={url} title={title} className="min-h-0 flex-1 border-0 bg-white" />
      {mainButton ? (
        <div className="border-t p-2">
          <Button
            className="w-full"
            disabled={!mainButton.active}
            onClick={() => postToMiniApp(frameRef.current, "main_button_pressed", undefined)}
          >
            {mainButton.text}
          </Button>
        </div>
      ) : null}
    </aside>
  );
}
