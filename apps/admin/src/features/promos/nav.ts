import { TicketPercentIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "promos.nav",
  to: "/promos",
  icon: TicketPercentIcon,
  minRole: "operator",
  section: "sales",
  order: 30,
} satisfies NavItem;
