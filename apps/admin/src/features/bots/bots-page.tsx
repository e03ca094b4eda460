import { useSuspenseQuery } from "@tanstack/react-query";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { botListQueryOptions } from "./api/bots.ts";
import { AddBotDialog } from "./components/add-bot-dialog.tsx";
import { BotCard } from "./components/bot-card.tsx";
import { useBotsT } from "./i18n.ts";

export function BotsPage() {
  const t = useBotsT();
  const me = useMe();
  const { data } = useSuspenseQuery(botListQueryOptions());
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={can(me, "owner") ? <AddBotDialog mode={data.mode} /> : null}
      />
      {data.mini_app === "https" ? null : (
        <p className="mb-4 rounded-lg border bg-muted/40 p-3 text-sm" data-mini-app-note>
          {t(data.mini_app === "no_public_url" ? "miniAppNoPublicUrl" : "miniAppNotHttps")}
        </p>
      )}
      {data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
          {t("empty")}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {data.items.map((bot) => (
            <BotCard key={`${bot.id}:${bot.updated_at.getTime()}`} bot={bot} />
          ))}
        </div>
      )}
    </div>
  );
}
