import { BotIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "bots.nav",
  to: "/bots",
  icon: BotIcon,
  minRole: "admin",
  section: "system",
  order: 10,
} satisfies NavItem;
