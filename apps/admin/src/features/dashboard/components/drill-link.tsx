import type { DrillLinkBody } from "@lumen/contracts";
import { Link } from "@tanstack/react-router";
import type * as React from "react";

/**
 * A figure's way to the rows behind it: the list page with the filter the server gave, as URL
 * search params. Lists belong to their own features; only the path and params are shared.
 */
export function DrillLink({
  link,
  label,
  className,
  children,
}: {
  link: DrillLinkBody | null;
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  if (!link) return <div className={className}>{children}</div>;
  return (
    <Link
      to={`/${link.list}` as string}
      search={link.filter as never}
      aria-label={label}
      className={`${className ?? ""} rounded-xl outline-none transition-colors hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring`}
    >
      {children}
    </Link>
  );
}
