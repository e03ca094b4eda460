import { UsersRoundIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "operators.nav",
  to: "/operators",
  icon: UsersRoundIcon,
  minRole: "owner",
  section: "system",
  order: 20,
} satisfies NavItem;
