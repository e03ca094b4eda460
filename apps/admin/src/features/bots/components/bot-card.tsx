import { botFeature } from "@lumen/contracts";
import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@lumen/ui/components/card";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Label } from "@lumen/ui/components/label";
import { Switch } from "@lumen/ui/components/switch";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatDateTime } from "../../../components/cells.tsx";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { type Bot, botKeys, botWebhookQueryOptions, updateBot } from "../api/bots.ts";
import { useBotsT } from "../i18n.ts";
import { FirstUpdate } from "./first-update.tsx";
import { NoticeSettings } from "./notice-settings.tsx";

type Feature = Bot["features"][number];

/** One bot: running or stopped, its features, when it last heard from Telegram and how delivery goes. */
export function BotCard({ bot }: { bot: Bot }) {
  const t = useBotsT();
  const id = useId();
  const queryClient = useQueryClient();
  const [features, setFeatures] = useState<Feature[]>(bot.features);
  const [confirmOff, setConfirmOff] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: { enabled?: boolean; features?: Feature[] }) => updateBot(bot.id, body),
    meta: { successMessage: t("saved") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: botKeys.all }),
  });
  const changed = features.length !== bot.features.length || features.some((f) => !bot.features.includes(f));

  return (
    <Card data-bot={bot.username}>
      <CardHeader>
        <CardTitle>@{bot.username}</CardTitle>
        <CardDescription>
          {bot.name} · {t("lastUpdate")}:{" "}
          {bot.last_update_at ? formatDateTime(bot.last_update_at) : t("never")}
        </CardDescription>
        <CardAction>
          <div className="flex items-center gap-2">
            <Label htmlFor={`${id}-on`} className="text-sm">
              {bot.enabled ? t("enabled") : t("disabled")}
            </Label>
            <Switch
              id={`${id}-on`}
              aria-label={bot.enabled ? t("disable") : t("enable")}
              checked={bot.enabled}
              disabled={mutation.isPending}
              onCheckedChange={(on) => (on ? mutation.mutate({ enabled: true }) : setConfirmOff(true))}
            />
          </div>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">{t("features")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {botFeature.options.map((feature) => (
              <div key={feature} className="flex items-center gap-2">
                <Checkbox
                  id={`${id}-${feature}`}
                  checked={features.includes(feature)}
                  onCheckedChange={(on) =>
                    setFeatures((list) => (on ? [...list, feature] : list.filter((f) => f !== feature)))
                  }
                />
                <Label htmlFor={`${id}-${feature}`} className="font-normal">
                  {t(`featureNames.${feature}`)}
                </Label>
              </div>
            ))}
          </div>
          {changed ? (
            <div>
              <Button size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate({ features })}>
                {t("saveFeatures")}
              </Button>
            </div>
          ) : null}
        </fieldset>
        <FirstUpdate bot={bot} />
        <NoticeSettings bot={bot} />
        <DeliveryStatus botId={bot.id} />
      </CardContent>
      <ConfirmDialog
        open={confirmOff}
        onOpenChange={setConfirmOff}
        destructive
        title={t("confirmDisable", { username: bot.username })}
        description={t("confirmDisableText")}
        confirmLabel={t("disable")}
        pending={mutation.isPending}
        onConfirm={() => mutation.mutateAsync({ enabled: false })}
      />
    </Card>
  );
}

function DeliveryStatus({ botId }: { botId: string }) {
  const t = useBotsT();
  const status = useQuery(botWebhookQueryOptions(botId));
  if (status.isPending) return <p className="text-sm text-muted-foreground">…</p>;
  if (status.isError) return <p className="text-sm text-muted-foreground">{t("statusUnavailable")}</p>;
  const s = status.data;
  return (
    <div className="grid gap-1 text-sm" data-delivery>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("delivery")}:</span>
        <Badge variant="secondary">{t(`modes.${s.mode}`)}</Badge>
        <span className="text-muted-foreground">{t("pending", { count: s.pending_update_count })}</span>
      </div>
      {s.mode === "webhook" ? (
        <p className="break-all text-muted-foreground" data-webhook-url>
          {s.url ? t("webhookUrl", { url: s.url }) : t("webhookUnset")}
        </p>
      ) : null}
      {s.mode === "webhook" ? (
        s.last_error_date ? (
          <p className="break-words text-destructive">
            {t("lastError", { when: formatDateTime(s.last_error_date), message: s.last_error_message ?? "" })}
          </p>
        ) : (
          <p className="text-muted-foreground">{t("noErrors")}</p>
        )
      ) : null}
    </div>
  );
}
