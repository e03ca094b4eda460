import { LayoutDashboardIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "dashboard.nav",
  to: "/",
  icon: LayoutDashboardIcon,
  minRole: "operator",
  section: "overview",
  order: 0,
} satisfies NavItem;
