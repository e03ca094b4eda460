import { ClipboardCheckIcon } from "lucide-react";
import type { NavItem } from "../../lib/nav.ts";

/** The homework review queue has its own entry: reviewers (a desk role) see only this one. */
export default {
  titleKey: "courses.reviews.nav",
  to: "/courses/reviews",
  icon: ClipboardCheckIcon,
  minRole: "reviewer",
  section: "delivery",
  order: 41,
} satisfies NavItem;
