import { UsersIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "users.nav",
  to: "/users",
  icon: UsersIcon,
  minRole: "operator",
  section: "people",
  order: 10,
} satisfies NavItem;
