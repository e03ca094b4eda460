import { ScrollTextIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "audit.nav",
  to: "/audit",
  icon: ScrollTextIcon,
  minRole: "admin",
  section: "system",
  order: 90,
} satisfies NavItem;
