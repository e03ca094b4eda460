import { MegaphoneIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "broadcasts.nav",
  to: "/broadcasts",
  icon: MegaphoneIcon,
  minRole: "operator",
  section: "people",
  order: 40,
} satisfies NavItem;
