import { Button } from "@lumen/ui/components/button";
import { Loader2Icon } from "lucide-react";
import type * as React from "react";

/**
 * A form's submit button while its request runs: disabled (a second click would send it twice)
 * and spinning, so the operator sees the panel is working and not stuck.
 */
export function SubmitButton({
  pending,
  children,
  disabled,
  ...props
}: React.ComponentProps<typeof Button> & { pending: boolean }) {
  return (
    <Button type="submit" {...props} disabled={pending || disabled} aria-busy={pending}>
      {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : null}
      {children}
    </Button>
  );
}
