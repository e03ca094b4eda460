import { PackageIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

export default {
  titleKey: "products.nav",
  to: "/products",
  icon: PackageIcon,
  minRole: "operator",
  section: "sales",
  order: 10,
} satisfies NavItem;
