import { Tooltip, TooltipContent, TooltipTrigger } from "@lumen/ui/components/tooltip";
import { cn } from "@lumen/ui/lib/utils";
import { Link, useMatchRoute } from "@tanstack/react-router";
import { SparklesIcon } from "lucide-react";
import { can, type Me } from "../../lib/auth.ts";
import { translate, useLocale, useT } from "../../lib/i18n.ts";
import { type NavItem, navItems, navSections } from "../../lib/nav.ts";

/** The sidebar's content, shared by the desktop rail and the mobile sheet. */
export function SidebarNav({
  me,
  collapsed = false,
  onNavigate,
}: {
  me: Me;
  collapsed?: boolean;
  onNavigate?: () => void;
}) {
  const locale = useLocale();
  const t = useT();
  const visible = navItems.filter((item) => can(me, item.minRole));
  const bySection = navSections
    .map((section) => ({ section, items: visible.filter((item) => item.section === section) }))
    .filter((group) => group.items.length > 0);

  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-4 overflow-y-auto px-2 py-3">
      {bySection.map(({ section, items }) => (
        <div key={section} className="flex flex-col gap-0.5">
          {collapsed ? (
            <div className="mx-2 mb-1 h-px bg-sidebar-border first:hidden" />
          ) : (
            <div className="px-2 pb-1 text-xs font-medium text-muted-foreground">
              {t(`nav.sections.${section}`)}
            </div>
          )}
          {items.map((item) => (
            <SidebarLink
              key={item.to}
              item={item}
              title={translate(locale, item.titleKey)}
              collapsed={collapsed}
              onNavigate={onNavigate}
            />
          ))}
        </div>
      ))}
    </nav>
  );
}

function SidebarLink({
  item,
  title,
  collapsed,
  onNavigate,
}: {
  item: NavItem;
  title: string;
  collapsed: boolean;
  onNavigate?: (() => void) | undefined;
}) {
  const Icon = item.icon;
  const matchRoute = useMatchRoute();
  // Courses is not lit on its own sub-page that has an item of its own (Homework review).
  const shadowed = navItems.some(
    (other) => other.to.startsWith(`${item.to}/`) && matchRoute({ to: other.to, fuzzy: true }),
  );
  const link = (
    <Link
      to={item.to}
      onClick={onNavigate}
      activeOptions={{ exact: item.to === "/" }}
      className={cn(
        "flex h-9 items-center gap-3 rounded-md px-2 text-sm font-medium text-sidebar-foreground outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
        !shadowed &&
          "data-[status=active]:bg-sidebar-accent data-[status=active]:text-sidebar-accent-foreground",
        collapsed && "justify-center px-0",
      )}
    >
      <Icon className="size-4 shrink-0" aria-hidden />
      {collapsed ? <span className="sr-only">{title}</span> : <span className="truncate">{title}</span>}
    </Link>
  );
  if (!collapsed) return link;
  return (
    <Tooltip>
      <TooltipTrigger asChild>{link}</TooltipTrigger>
      <TooltipContent side="right">{title}</TooltipContent>
    </Tooltip>
  );
}

export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const t = useT();
  return (
    <Link
      to="/"
      className={cn(
        "flex h-14 items-center gap-2 px-4 font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring",
        collapsed && "justify-center px-0",
      )}
    >
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <SparklesIcon className="size-4" aria-hidden />
      </span>
      {collapsed ? (
        <span className="sr-only">{t("app.name")}</span>
      ) : (
        <span>
          {t("app.name")} <span className="font-normal text-muted-foreground">{t("app.admin")}</span>
        </span>
      )}
    </Link>
  );
}
