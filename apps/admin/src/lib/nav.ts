import type { LucideIcon } from "lucide-react";
import type { Role } from "./auth.ts";

export const navSections = ["overview", "sales", "people", "delivery", "system"] as const;
export type NavSection = (typeof navSections)[number];

/**
 * One sidebar entry, declared by a feature in `features/<domain>/nav.ts` (`export default {...}
 * satisfies NavItem`). The sidebar gathers them by glob, so a new page never edits the shell.
 */
export type NavItem = {
  /** A full i18n key: `"<domain>.<key>"` from the feature's locales. */
  titleKey: string;
  /** The route path under /admin, e.g. "/audit". */
  to: string;
  icon: LucideIcon;
  /** The least role that sees the entry (the server enforces the same on the API). */
  minRole: Role;
  section: NavSection;
  /** Position inside its section, lowest first. */
  order: number;
};

const modules = import.meta.glob<{ default: NavItem }>("../features/*/nav.ts", { eager: true });

export const navItems: NavItem[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => navSections.indexOf(a.section) - navSections.indexOf(b.section) || a.order - b.order);
