import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Link, Outlet, useLocation } from "@tanstack/react-router";
import { useEffect } from "react";
import { OfflineNote } from "../components/offline-note.tsx";
import { t, useLocale } from "../lib/i18n.ts";
import { markReady } from "../lib/telegram.ts";

export const Route = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: StoreShell,
});

const tab = "flex-1 rounded-lg px-3 py-1.5 text-center text-sm font-medium transition-colors";
const tabState = (active: boolean) =>
  active ? `${tab} bg-card text-foreground shadow-xs` : `${tab} text-muted-foreground`;

/** The store's frame: three tabs (store, assistant, account) over the page, inside Telegram's safe areas. */
function StoreShell() {
  useEffect(() => markReady(), []);
  // A language switch re-renders the shell and re-mounts the page in the new language.
  const locale = useLocale();
  // Products and orders belong to the store tab; the account (with its tasks and receipts) and the
  // assistant have their own.
  const inAccount = useLocation({
    select: (l) =>
      l.pathname.endsWith("/account") || l.pathname.includes("/tasks/") || l.pathname.includes("/receipts/"),
  });
  const inAssistant = useLocation({ select: (l) => l.pathname.endsWith("/assistant") });
  return (
    <div className="safe-area mx-auto flex max-w-xl flex-col">
      <nav className="sticky top-0 print:hidden z-10 bg-background/95 px-4 pt-3 pb-2 backdrop-blur">
        <div className="flex gap-1 rounded-xl bg-muted p-1 ring-1 ring-border">
          <Link to="/" className={tabState(!inAccount && !inAssistant)}>
            {t("nav.catalog")}
          </Link>
          <Link to="/assistant" className={tabState(inAssistant)}>
            {t("nav.assistant")}
          </Link>
          <Link to="/account" className={tabState(inAccount)}>
            {t("nav.account")}
          </Link>
        </div>
      </nav>
      <main key={locale} className="flex flex-col gap-3 px-4 pt-2 pb-6">
        <OfflineNote />
        <Outlet />
      </main>
    </div>
  );
}
