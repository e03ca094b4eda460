import { GraduationCapIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "courses.nav",
  to: "/courses",
  icon: GraduationCapIcon,
  minRole: "operator",
  section: "delivery",
  order: 40,
} satisfies NavItem;
