import { Badge } from "@lumen/ui/components/badge";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { playgroundStateQueryOptions, usePlaygroundLive } from "./api/playground-api.ts";
import { ChatPanel } from "./components/chat-panel.tsx";
import { ChannelCard, TimeTravel, UserSwitcher } from "./components/side-panels.tsx";
import { usePlaygroundT } from "./i18n.ts";

/** The playground: a Telegram-like chat with the demo bot, the demo channel and time travel. */
export function PlaygroundPage() {
  const t = usePlaygroundT();
  const { data: state } = useSuspenseQuery(playgroundStateQueryOptions());
  const live = usePlaygroundLive(state !== null);
  const [userId, setUserId] = useState<number | undefined>(undefined);
  if (!state) {
    return (
      <div>
        <PageHeader title={t("title")} />
        <div className="rounded-lg border border-dashed p-8 text-center">
          <h2 className="font-medium">{t("off.title")}</h2>
          <p className="mt-1 text-sm text-muted-foreground">{t("off.text")}</p>
        </div>
      </div>
    );
  }
  const user = state.users.find((u) => u.id === userId) ?? state.users[0];
  if (!user) return null;
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Badge variant={live ? "success" : "secondary"} data-testid="pg-live">
            {t("live")}
          </Badge>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ChatPanel key={user.id} state={state} user={user} />
        <div className="space-y-4">
          <UserSwitcher users={state.users} current={user.id} onPick={setUserId} />
          <TimeTravel now={state.now} userId={user.id} />
          <ChannelCard channel={state.channel} user={user} users={state.users} />
        </div>
      </div>
    </div>
  );
}
