import { Badge } from "@lumen/ui/components/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { useSuspenseQuery } from "@tanstack/react-query";
import type * as React from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { settingsQueryOptions } from "./api/settings.ts";
import { useSettingsT } from "./i18n.ts";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm font-medium sm:text-right">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y">{children}</dl>
      </CardContent>
    </Card>
  );
}

/** What is configured, read from the server's parsed config; never a secret, only whether one is set. */
export function SettingsPage() {
  const t = useSettingsT();
  const { data: s } = useSuspenseQuery(settingsQueryOptions());
  const onOff = (on: boolean, mode?: "test" | "live" | "unknown" | null) => (
    <span className="inline-flex flex-wrap items-center justify-end gap-1">
      <Badge variant={on ? "success" : "secondary"}>{on ? t("on") : t("off")}</Badge>
      {on && mode ? (
        <Badge variant={mode === "live" ? "default" : "warning"}>{t(`modes.${mode}`)}</Badge>
      ) : null}
    </span>
  );
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("payments.title")}>
          <Row label={t("payments.stars")}>{onOff(s.payments.telegram_stars.enabled)}</Row>
          <Row label={t("payments.telegram")}>
            {onOff(s.payments.telegram_payments.enabled, s.payments.telegram_payments.mode)}
          </Row>
          <Row label={t("payments.yookassa")}>
            {onOff(s.payments.yookassa.enabled, s.payments.yookassa.mode)}
          </Row>
          {s.payments.yookassa.enabled ? (
            <>
              <Row label={t("payments.shopId")}>
                <span className="font-mono">{s.payments.yookassa.shop_id}</span>
              </Row>
              <Row label={t("payments.receipts")}>{onOff(s.payments.yookassa.receipts)}</Row>
            </>
          ) : null}
          <Row label={t("payments.mock")}>{onOff(s.payments.mock.enabled)}</Row>
        </Section>
        <Section title={t("ai.title")}>
          <Row label={t("ai.key")}>
            <Badge variant={s.ai.configured ? "success" : "warning"}>
              {s.ai.configured ? t("set") : t("notSet")}
            </Badge>
          </Row>
          <Row label={t("ai.baseUrl")}>
            <span className="font-mono text-xs">{s.ai.base_url}</span>
          </Row>
          <Row label={t("ai.defaultModel")}>{s.ai.default_model}</Row>
          <Row label={t("ai.models")}>
            <span className="inline-flex flex-wrap justify-end gap-1">
              {s.ai.models.map((m) => (
                <Badge key={m.id} variant="secondary">
                  {m.id} · {t("ai.credits", { price: m.price })}
                </Badge>
              ))}
            </span>
          </Row>
          <Row label={t("ai.timeout")}>{t("ai.seconds", { count: Math.round(s.ai.timeout_ms / 1000) })}</Row>
          <Row label={t("ai.context")}>{s.ai.context_turns}</Row>
        </Section>
        <Section title={t("trial.title")}>
          <Row label={t("trial.messages")}>{s.trial.messages}</Row>
          <Row label={t("trial.days")}>{s.trial.days ?? t("trial.unlimited")}</Row>
        </Section>
        <Section title={t("access.title")}>
          <Row label={t("access.reminders")}>
            {t("access.days", { days: s.access.reminder_days.join(", ") })}
          </Row>
          <Row label={t("access.grace")}>{t("access.minutes", { count: s.access.grace_minutes })}</Row>
        </Section>
        <Section title={t("referrals.title")}>
          <Row label={t("referrals.percent")}>{s.referrals.percent}%</Row>
          <Row label={t("referrals.hold")}>{t("referrals.days", { count: s.referrals.hold_days })}</Row>
        </Section>
        <Section title={t("server.title")}>
          <Row label={t("server.version")}>{s.version}</Row>
          <Row label={t("server.environment")}>{s.environment}</Row>
          <Row label={t("server.publicUrl")}>{s.public_url ?? t("none")}</Row>
          <Row label={t("server.botMode")}>{t(`server.${s.bot_mode}`)}</Row>
          <Row label={t("server.database")}>{t(`server.${s.database}`)}</Row>
          <Row label={t("server.notices")}>{onOff(s.operator_notices.configured)}</Row>
        </Section>
      </div>
    </div>
  );
}
