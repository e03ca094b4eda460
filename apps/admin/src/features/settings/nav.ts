import { SettingsIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "settings.nav",
  to: "/settings",
  icon: SettingsIcon,
  minRole: "admin",
  section: "system",
  order: 80,
} satisfies NavItem;
