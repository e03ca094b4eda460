import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeftIcon, PencilIcon, SendIcon } from "lucide-react";
import { useState } from "react";
import { formatDateTime, formatMoney } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Figure } from "../../components/figure.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useLocale } from "../../lib/i18n.ts";
import {
  broadcastAction,
  broadcastKeys,
  broadcastQueryOptions,
  broadcastReportQueryOptions,
  previewBroadcast,
  scheduleBroadcast,
} from "./api/broadcasts-api.ts";
import { BroadcastStatusBadge } from "./components/status-badge.tsx";
import { useBroadcastsT } from "./i18n.ts";

const route = getRouteApi("/_authed/broadcasts/$id");

/** One broadcast: preview, send or schedule, progress while it goes, and its report. */
export function BroadcastPage() {
  const t = useBroadcastsT();
  const locale = useLocale();
  const { id } = route.useParams();
  const queryClient = useQueryClient();
  const details = useQuery(broadcastQueryOptions(id));
  const report = useQuery(broadcastReportQueryOptions(id));
  const [at, setAt] = useState("");
  const [confirmCancel, setConfirmCancel] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
  const preview = useMutation({
    mutationFn: previewBroadcast,
    onSuccess: (result) =>
      result.outcome === "sent"
        ? toast.success(t("detail.previewSent"))
        : toast.error(t("detail.previewFailed", { reason: result.reason ?? result.outcome })),
  });
  const schedule = useMutation({ mutationFn: scheduleBroadcast, onSuccess: refresh });
  const action = useMutation({ mutationFn: broadcastAction, onSuccess: refresh });
  const b = details.data;
  const r = report.data;
  if (!b) return null;
  const done = r ? r.sent + r.failed + r.blocked + r.interrupted : 0;
  const total = r?.targeted ?? 0;
  const editable = b.status === "draft" || b.status === "scheduled";
  return (
    <div className="space-y-6">
      <Link
        to="/broadcasts"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon className="size-4" /> {t("detail.back")}
      </Link>
      <PageHeader
        title={b.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t(`segments.${b.segment}`)} <BroadcastStatusBadge status={b.status} />
            {b.status === "scheduled" && b.scheduled_at
              ? t("detail.scheduledFor", { at: formatDateTime(b.scheduled_at, locale) })
              : null}
          </span>
        }
        actions={
          <>
            {editable ? (
              <Button variant="outline" asChild>
                <Link to="/broadcasts/$id/edit" params={{ id }}>
                  <PencilIcon aria-hidden /> {t("detail.edit")}
                </Link>
              </Button>
            ) : null}
            <Button variant="outline" disabled={preview.isPending} onClick={() => preview.mutate({ id })}>
              {t("detail.preview")}
            </Button>
            {b.content.texts.ru ? (
              <Button
                variant="outline"
                disabled={preview.isPending}
                onClick={() => preview.mutate({ id, language: "ru" })}
              >
                {t("detail.previewRu")}
              </Button>
            ) : null}
            {b.status === "sending" ? (
              <Button variant="outline" onClick={() => action.mutate({ id, action: "pause" })}>
                {t("detail.pause")}
              </Button>
            ) : null}
            {b.status === "paused" ? (
              <Button onClick={() => action.mutate({ id, action: "resume" })}>{t("detail.resume")}</Button>
            ) : null}
            {b.status !== "done" && b.status !== "cancelled" ? (
              <Button variant="outline" onClick={() => setConfirmCancel(true)}>
                {t("detail.cancel")}
              </Button>
            ) : null}
          </>
        }
      />
      {editable ? (
        <Card>
          <CardContent className="flex flex-wrap items-end gap-3">
            <Button disabled={schedule.isPending} onClick={() => schedule.mutate({ id })}>
              <SendIcon aria-hidden /> {t("detail.sendNow")}
            </Button>
            <Input
              type="datetime-local"
              aria-label={t("detail.scheduleAt")}
              className="w-auto"
              value={at}
              onChange={(e) => setAt(e.target.value)}
            />
            <Button
              variant="outline"
              disabled={!at || schedule.isPending}
              onClick={() => schedule.mutate({ id, at: new Date(at).toISOString() })}
            >
              {t("detail.scheduleAt")}
            </Button>
          </CardContent>
        </Card>
      ) : null}
      {total > 0 ? (
        <div className="space-y-1">
          <div
            className="h-2 w-full overflow-hidden rounded bg-muted"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={done}
          >
            <div className="h-full bg-primary transition-all" style={{ width: `${(100 * done) / total}%` }} />
          </div>
          <p className="text-sm text-muted-foreground" data-testid="broadcast-progress">
            {t("detail.progress", { done, total })}
            {b.paused_until && new Date(b.paused_until) > new Date()
              ? ` · ${t("detail.pausedUntil", { at: formatDateTime(b.paused_until, locale) })}`
              : ""}
          </p>
        </div>
      ) : null}
      {r ? (
        <>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Figure label={t("detail.targeted")} testId="report-targeted">
              {r.targeted}
            </Figure>
            <Figure label={t("detail.sent")} testId="report-sent">
              {r.sent}
            </Figure>
            <Figure label={t("detail.failed")} testId="report-failed">
              {r.failed + r.interrupted}
            </Figure>
            <Figure label={t("detail.blocked")} testId="report-blocked">
              {r.blocked}
            </Figure>
            <Figure label={t("detail.clicks")} testId="report-clicks">
              {r.clicks}{" "}
              <span className="text-sm font-normal text-muted-foreground">
                {t("detail.clickers", { count: r.clickers })}
              </span>
            </Figure>
            <Figure label={t("detail.revenue")} testId="report-revenue">
              {r.revenue.length === 0 ? (
                <span className="text-muted-foreground">{t("detail.noRevenue")}</span>
              ) : (
                <span className="flex flex-col">
                  {r.revenue.map((x) => (
                    <span key={x.currency}>{formatMoney(x.amount, x.currency, locale)}</span>
                  ))}
                </span>
              )}
            </Figure>
          </div>
          <div className="grid gap-3 md:grid-cols-2">
            {r.failed_by_reason.length > 0 ? (
              <Card>
                <CardHeader>
                  <CardTitle className="text-sm">{t("detail.reasons")}</CardTitle>
                </CardHeader>
                <CardContent>
                  <ul className="space-y-1 text-sm">
                    {r.failed_by_reason.map((x) => (
                      <li key={x.reason} className="flex justify-between gap-4">
                        <span className="break-words">{x.reason || "—"}</span>
                        <span className="tabular-nums">{x.count}</span>
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            ) : null}
            {r.by_language.length > 0 ? (
              <Card>
                <CardHeader>
                  <CardTitle className="text-sm">{t("detail.languages")}</CardTitle>
                </CardHeader>
                <CardContent>
                  <ul className="space-y-1 text-sm">
                    {r.by_language.map((x) => (
                      <li key={x.language} className="flex justify-between">
                        <span>{x.language || "—"}</span>
                        <span className="tabular-nums">{x.sent}</span>
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            ) : null}
          </div>
        </>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle className="text-sm">{t("detail.content")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 md:grid-cols-2">
          {Object.entries(b.content.texts).map(([lang, text]) => (
            <div key={lang} className="rounded-md bg-muted p-3 text-sm whitespace-pre-wrap">
              <div className="mb-1 text-xs uppercase text-muted-foreground">{lang}</div>
              {text}
            </div>
          ))}
        </CardContent>
      </Card>
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={t("detail.cancelTitle")}
        description={t("detail.cancelBody")}
        destructive
        pending={action.isPending}
        onConfirm={async () => {
          await action.mutateAsync({ id, action: "cancel" });
          setConfirmCancel(false);
        }}
      />
    </div>
  );
}
