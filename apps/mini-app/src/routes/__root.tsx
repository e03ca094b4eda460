import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Link, Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { t } from "../lib/i18n.ts";
import { markReady } from "../lib/telegram.ts";

export const Route = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: StoreShell,
});

const tab =
  "flex-1 rounded-lg px-3 py-1.5 text-center text-sm font-medium text-muted-foreground transition-colors";
const activeTab = "bg-card text-foreground shadow-xs";

/** The store's frame: two tabs (store, account) over the page, inside Telegram's safe areas. */
function StoreShell() {
  useEffect(() => markReady(), []);
  return (
    <div className="safe-area mx-auto flex max-w-xl flex-col">
      <nav className="sticky top-0 z-10 bg-background/95 px-4 pt-3 pb-2 backdrop-blur">
        <div className="flex gap-1 rounded-xl bg-muted p-1 ring-1 ring-border">
          <Link to="/" className={tab} activeProps={{ className: activeTab }} activeOptions={{ exact: true }}>
            {t("nav.catalog")}
          </Link>
          <Link to="/account" className={tab} activeProps={{ className: activeTab }}>
            {t("nav.account")}
          </Link>
        </div>
      </nav>
      <main className="flex flex-col gap-3 px-4 pt-2 pb-6">
        <Outlet />
      </main>
    </div>
  );
}
