import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { toast } from "@lumen/ui/components/sonner";
import { Switch } from "@lumen/ui/components/switch";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { isApiError } from "../../../lib/api.ts";
import {
  botsQueryOptions,
  broadcastKeys,
  type CampaignRow,
  campaignsQueryOptions,
  saveCampaign,
} from "../api/broadcasts-api.ts";
import { useBroadcastsT } from "../i18n.ts";

const selectClass =
  "h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** One campaign: on/off, its delay and its text per language, and what it has sent so far. */
function CampaignEditor({ botId, campaign }: { botId: string; campaign: CampaignRow }) {
  const t = useBroadcastsT();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(campaign.enabled);
  const [delay, setDelay] = useState(String(campaign.delay));
  const [en, setEn] = useState(campaign.texts.en ?? "");
  const [ru, setRu] = useState(campaign.texts.ru ?? "");
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveCampaign,
    meta: { form: true },
    onSuccess: async () => {
      setError(null);
      toast.success(t("campaigns.saved"));
      await queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
    },
    onError: (e) => setError(isApiError(e) ? e.message : String(e)),
  });
  const kind = campaign.kind;
  const fieldId = useId();
  return (
    <section className="grid gap-2 rounded-md border p-3" aria-label={t(`campaigns.kinds.${kind}`)}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <Switch
            checked={enabled}
            onCheckedChange={setEnabled}
            aria-label={t("campaigns.enabled", { name: t(`campaigns.kinds.${kind}`) })}
          />
          <span className="font-medium">{t(`campaigns.kinds.${kind}`)}</span>
        </div>
        <span className="text-sm text-muted-foreground">
          {t("campaigns.results", { sent: campaign.sent, failed: campaign.failed + campaign.blocked })}
        </span>
      </div>
      <p className="text-xs text-muted-foreground">{t(`campaigns.hints.${kind}`)}</p>
      <div className="flex items-center gap-2 text-sm">
        <Label htmlFor={`${fieldId}-delay`}>
          {t(kind === "winback" ? "campaigns.days" : "campaigns.hours")}
        </Label>
        <Input
          id={`${fieldId}-delay`}
          className="w-24"
          type="number"
          min={1}
          max={720}
          value={delay}
          onChange={(e) => setDelay(e.target.value)}
        />
      </div>
      <Textarea
        rows={2}
        aria-label={`${t(`campaigns.kinds.${kind}`)} (en)`}
        value={en}
        onChange={(e) => setEn(e.target.value)}
      />
      <Textarea
        rows={2}
        aria-label={`${t(`campaigns.kinds.${kind}`)} (ru)`}
        value={ru}
        onChange={(e) => setRu(e.target.value)}
      />
      {error ? (
        <p className="text-sm text-destructive" data-field-error>
          {error}
        </p>
      ) : null}
      <Button
        variant="outline"
        className="justify-self-start"
        disabled={save.isPending}
        onClick={() =>
          save.mutate({
            botId,
            kind,
            body: {
              enabled,
              delay: Number(delay) || 1,
              texts: { ...(en ? { en } : {}), ...(ru ? { ru } : {}) },
              ...(kind === "winback" ? { percent_off: campaign.percent_off ?? 20 } : {}),
            },
          })
        }
      >
        {t("campaigns.save")}
      </Button>
    </section>
  );
}

/** The automated campaigns of one bot, under the broadcasts list. */
export function CampaignsCard() {
  const t = useBroadcastsT();
  const bots = useQuery(botsQueryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const botId = chosen ?? bots.data?.items[0]?.id ?? "";
  const campaigns = useQuery(campaignsQueryOptions(botId));
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>{t("campaigns.title")}</CardTitle>
        {bots.data && bots.data.items.length > 1 ? (
          <select
            aria-label={t("form.bot")}
            className={selectClass}
            value={botId}
            onChange={(e) => setChosen(e.target.value)}
          >
            {bots.data.items.map((b) => (
              <option key={b.id} value={b.id}>
                @{b.username}
              </option>
            ))}
          </select>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3 lg:grid-cols-2">
        <p className="text-sm text-muted-foreground lg:col-span-2">{t("campaigns.description")}</p>
        {campaigns.data?.items.map((c) => (
          <CampaignEditor key={`${botId}:${c.kind}`} botId={botId} campaign={c} />
        ))}
      </CardContent>
    </Card>
  );
}
