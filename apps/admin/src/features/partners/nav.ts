import { HandshakeIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "partners.nav",
  to: "/partners",
  icon: HandshakeIcon,
  minRole: "operator",
  section: "sales",
  order: 40,
} satisfies NavItem;
