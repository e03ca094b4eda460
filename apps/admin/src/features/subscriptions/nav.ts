import { CalendarClockIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "subscriptions.nav",
  to: "/subscriptions",
  icon: CalendarClockIcon,
  minRole: "operator",
  section: "sales",
  order: 25,
} satisfies NavItem;
