import { ReceiptIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "orders.nav",
  to: "/orders",
  icon: ReceiptIcon,
  minRole: "operator",
  section: "sales",
  order: 20,
} satisfies NavItem;
