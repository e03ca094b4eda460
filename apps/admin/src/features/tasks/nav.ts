import { ClipboardListIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "tasks.nav",
  to: "/tasks",
  icon: ClipboardListIcon,
  minRole: "assistant",
  section: "delivery",
  order: 30,
} satisfies NavItem;
