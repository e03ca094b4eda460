import { botFirstUpdate } from "@lumen/contracts";
import { Badge } from "@lumen/ui/components/badge";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { formatDateTime } from "../../../components/cells.tsx";
import { type Bot, botKeys } from "../api/bots.ts";
import { useBotsT } from "../i18n.ts";

type Seen = z.output<typeof botFirstUpdate>;

/**
 * After connecting a bot: waits, live (server-sent events), for its first update and shows it
 * when it arrives, so the operator sees the connection work. Hidden for a bot heard from before.
 */
export function FirstUpdate({ bot }: { bot: Bot }) {
  const t = useBotsT();
  // A kind without a name of its own (Telegram adds them) is shown as Telegram calls it.
  const kindName = (kind: string) => {
    const key = `firstUpdate.kinds.${kind}` as const;
    const name = t(key as Parameters<typeof t>[0]);
    return name.endsWith(key) ? kind : name;
  };
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState<Seen | null>(null);
  const waiting = bot.enabled && bot.last_update_at === null && seen === null;
  useEffect(() => {
    if (!waiting) return;
    const source = new EventSource(`/api/v1/bots/${bot.id}/first-update`);
    source.onopen = () => setOpen(true);
    source.onerror = () => setOpen(false);
    source.addEventListener("first_update", (event) => {
      const parsed = botFirstUpdate.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      source.close();
      setSeen(parsed.data);
      void queryClient.invalidateQueries({ queryKey: botKeys.list() });
    });
    return () => source.close();
  }, [waiting, bot.id, queryClient]);
  if (!waiting && !seen) return null;
  return (
    <div className="rounded-lg border bg-muted/40 p-3 text-sm" data-first-update aria-live="polite">
      {seen ? (
        <>
          <Badge variant="success">{t("firstUpdate.arrived")}</Badge>{" "}
          <span>
            {seen.kind
              ? t("firstUpdate.what", {
                  kind: kindName(seen.kind),
                  name: seen.from_name ?? "—",
                  when: formatDateTime(seen.at),
                })
              : t("firstUpdate.before", { when: formatDateTime(seen.at) })}
          </span>
        </>
      ) : (
        <>
          <Badge variant="secondary">{open ? t("firstUpdate.waiting") : t("firstUpdate.connecting")}</Badge>
          <p className="mt-1 text-muted-foreground">{t("firstUpdate.hint", { username: bot.username })}</p>
        </>
      )}
    </div>
  );
}
