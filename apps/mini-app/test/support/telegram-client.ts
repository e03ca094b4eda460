import { miniAppLaunchUrl, type ThemeParams, telegramThemes } from "@lumen/testkit";
import type { Page } from "playwright-core";

/**
 * Telegram's side of a Mini App, as a browser test plays it. The @tma.js SDK talks to a phone or
 * desktop client through `window.TelegramWebviewProxy.postEvent(type, json)` and hears back through
 * `window.Telegram.WebView.receiveEvent(type, data)` (it installs that itself). The stub injected
 * here records every event the app posts, answers the requests a real client answers (theme,
 * viewport, safe areas), and keeps the slug of each invoice the app opens; the test then pays it
 * in the emulator and reports the sheet closing, as Telegram does.
 */

export type { ThemeParams };
export const lightTheme = telegramThemes.light;
export const darkTheme = telegramThemes.dark;

export type PostedEvent = { type: string; params: Record<string, unknown> | undefined };

/** Runs in the page before any of its scripts. */
function installClientStub(theme: ThemeParams) {
  type Receiver = (type: string, data?: unknown) => void;
  const w = window as unknown as {
    __tg: { events: PostedEvent[]; invoices: string[] };
    Telegram?: { WebView?: { receiveEvent?: Receiver } };
    TelegramWebviewProxy: { postEvent(type: string, data?: string): void };
  };
  const state = { events: [] as PostedEvent[], invoices: [] as string[] };
  w.__tg = state;
  const emit = (type: string, data: unknown) =>
    setTimeout(() => w.Telegram?.WebView?.receiveEvent?.(type, data), 0);
  w.TelegramWebviewProxy = {
    postEvent(type, data) {
      const params = data ? JSON.parse(data) : undefined;
      state.events.push({ type, params });
      if (type === "web_app_request_theme") emit("theme_changed", { theme_params: theme });
      if (type === "web_app_request_viewport") {
        emit("viewport_changed", {
          height: window.innerHeight,
          width: window.innerWidth,
          is_expanded: true,
          is_state_stable: true,
        });
      }
      if (type === "web_app_request_safe_area")
        emit("safe_area_changed", { top: 0, bottom: 0, left: 0, right: 0 });
      if (type === "web_app_request_content_safe_area") {
        emit("content_safe_area_changed", { top: 0, bottom: 0, left: 0, right: 0 });
      }
      if (type === "web_app_open_invoice") state.invoices.push(String(params.slug));
    },
  };
}

export async function installTelegramClient(page: Page, theme: ThemeParams): Promise<void> {
  await page.addInitScript(installClientStub, theme);
}

/** The URL Telegram opens: the launch parameters travel in the hash, the signed init data among them. */
export function launchUrl(base: string, initData: string, theme: ThemeParams): string {
  return miniAppLaunchUrl(base, initData, { theme });
}

export function postedEvents(page: Page): Promise<PostedEvent[]> {
  return page.evaluate(() => (window as unknown as { __tg: { events: PostedEvent[] } }).__tg.events);
}

/** Waits for the app to open an invoice; returns its link as the bot API made it (`https://t.me/$slug`). */
export async function openedInvoiceUrl(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const invoices = (window as unknown as { __tg: { invoices: string[] } }).__tg.invoices;
    return invoices.length ? invoices[invoices.length - 1] : null;
  });
  return `https://t.me/$${await handle.jsonValue()}`;
}

/** What Telegram sends the app: a tap on the main button, the invoice sheet closing with a status. */
export function sendEvent(page: Page, type: string, data?: unknown): Promise<void> {
  return page.evaluate(
    ([t, d]) =>
      (
        window as unknown as { Telegram: { WebView: { receiveEvent(t: string, d?: unknown): void } } }
      ).Telegram.WebView.receiveEvent(t as string, d),
    [type, data] as const,
  );
}
