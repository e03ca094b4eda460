import { Button } from "@lumen/ui/components/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@lumen/ui/components/sheet";
import { cn } from "@lumen/ui/lib/utils";
import { useRouterState } from "@tanstack/react-router";
import { MenuIcon, PanelLeftIcon } from "lucide-react";
import type * as React from "react";
import { useEffect, useState } from "react";
import type { Me } from "../../lib/auth.ts";
import { useT } from "../../lib/i18n.ts";
import { Brand, SidebarNav } from "./app-sidebar.tsx";
import { LanguageSwitch, ThemeSwitch, UserMenu } from "./header-controls.tsx";

const COLLAPSED_KEY = "lumen.sidebar.collapsed";

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === "1";
  } catch {
    return false;
  }
}

/**
 * The signed-in frame: a sidebar gathered from every feature's nav.ts (a collapsible rail on desktop,
 * a sheet on phones), a header with language, theme and account, and the page.
 */
export function AppShell({ me, children }: { me: Me; children: React.ReactNode }) {
  const t = useT();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [mobileOpen, setMobileOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  useEffect(() => {
    try {
      localStorage.setItem(COLLAPSED_KEY, collapsed ? "1" : "0");
    } catch {
      // not remembered
    }
  }, [collapsed]);

  // A navigation from anywhere (a link inside the page, the back button) closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => setMobileOpen(false), [pathname]);

  return (
    <div className="flex min-h-dvh">
      <aside
        className={cn(
          "sticky top-0 hidden h-dvh shrink-0 flex-col border-r bg-sidebar transition-[width] duration-200 md:flex",
          collapsed ? "w-14" : "w-60",
        )}
      >
        <Brand collapsed={collapsed} />
        <SidebarNav me={me} collapsed={collapsed} />
      </aside>

      <Sheet open={mobileOpen} onOpenChange={setMobileOpen}>
        <SheetContent side="left" className="w-72 gap-0 bg-sidebar p-0" closeLabel={t("actions.close")}>
          <SheetTitle className="sr-only">{t("app.name")}</SheetTitle>
          <SheetDescription className="sr-only">{t("nav.open")}</SheetDescription>
          <Brand />
          <SidebarNav me={me} onNavigate={() => setMobileOpen(false)} />
        </SheetContent>
      </Sheet>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:px-4">
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label={t("nav.open")}
            onClick={() => setMobileOpen(true)}
          >
            <MenuIcon />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="hidden md:inline-flex"
            aria-label={t("nav.toggle")}
            aria-pressed={collapsed}
            onClick={() => setCollapsed((c) => !c)}
          >
            <PanelLeftIcon />
          </Button>
          <div className="flex-1" />
          <LanguageSwitch />
          <ThemeSwitch />
          <UserMenu me={me} />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
