import type * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/** The one toast outlet; the app passes the resolved theme so toasts follow light and dark. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { toast } from "sonner";
