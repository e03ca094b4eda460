import { KeyRoundIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "api-keys.nav",
  to: "/api-keys",
  icon: KeyRoundIcon,
  minRole: "owner",
  section: "system",
  order: 30,
} satisfies NavItem;
