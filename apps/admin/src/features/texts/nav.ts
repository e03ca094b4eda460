import { MessageSquareTextIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "texts.nav",
  to: "/texts",
  icon: MessageSquareTextIcon,
  minRole: "admin",
  section: "system",
  order: 15,
} satisfies NavItem;
