import { Button } from "@lumen/ui/components/button";
import { toast } from "@lumen/ui/components/sonner";
import { CheckIcon, CopyIcon } from "lucide-react";
import { useState } from "react";

/**
 * A secret the server shows only once (an API key, a temporary password): selectable, with a copy
 * button, and a warning that it cannot be shown again.
 */
export function SecretOnce({
  value,
  warning,
  copyLabel,
  copiedLabel,
}: {
  value: string;
  warning: string;
  copyLabel: string;
  copiedLabel: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-2">
      <div className="flex items-center gap-2">
        <code
          data-secret
          className="min-w-0 flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm select-all"
        >
          {value}
        </code>
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={copyLabel}
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
            toast.success(copiedLabel);
          }}
        >
          {copied ? <CheckIcon /> : <CopyIcon />}
        </Button>
      </div>
      <p className="text-sm text-amber-600 dark:text-amber-400">{warning}</p>
    </div>
  );
}
