import { RadioTowerIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "channels.nav",
  to: "/channels",
  icon: RadioTowerIcon,
  minRole: "operator",
  section: "delivery",
  order: 10,
} satisfies NavItem;
