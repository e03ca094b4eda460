import { GamepadIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "playground.nav",
  to: "/playground",
  icon: GamepadIcon,
  minRole: "operator",
  section: "overview",
  order: 50,
} satisfies NavItem;
