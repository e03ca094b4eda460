import { ChartNoAxesColumnIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "analytics.nav",
  to: "/analytics",
  icon: ChartNoAxesColumnIcon,
  minRole: "operator",
  section: "overview",
  order: 10,
} satisfies NavItem;
