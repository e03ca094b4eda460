import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import {
  botTaskSettingsQueryOptions,
  type TaskSettings,
  taskPlansQueryOptions,
  useSetBotTaskSettings,
  useSetTaskPlan,
} from "./api/task-settings-api.ts";
import { useTasksT } from "./i18n.ts";

/** Which plans give tasks (by plan code) and where each bot sends them: the admin's setup of tasks. */
export function TaskSettingsPage() {
  const t = useTasksT();
  const plans = useQuery(taskPlansQueryOptions()).data ?? [];
  const bots = useQuery(botTaskSettingsQueryOptions()).data ?? [];
  const setPlan = useSetTaskPlan(t("settings.saved"));
  const [planCode, setPlanCode] = useState("");
  const [perPeriod, setPerPeriod] = useState("10");
  const [priority, setPriority] = useState(false);
  const submitPlan = (event: FormEvent) => {
    event.preventDefault();
    setPlan.mutate({
      planCode: planCode.trim(),
      tasksPerPeriod: Number(perPeriod),
      priorityAllowed: priority,
    });
  };
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("settings.plans")}</CardTitle>
          <CardDescription>{t("settings.plansHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ul className="grid gap-1 text-sm" data-testid="task-plans">
            {plans.map((p) => (
              <li key={p.plan_code} className="flex items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{p.plan_code}</span> —{" "}
                  {t("settings.perPeriod", { count: p.tasks_per_period })}
                  {p.priority_allowed ? ` · ${t("settings.priority")}` : ""}
                </span>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() =>
                    setPlan.mutate({ planCode: p.plan_code, tasksPerPeriod: null, priorityAllowed: false })
                  }
                >
                  {t("settings.remove")}
                </Button>
              </li>
            ))}
          </ul>
          <form className="flex flex-wrap items-end gap-2" onSubmit={submitPlan}>
            <div className="grid gap-1">
              <Label htmlFor="plan-code">{t("settings.planCode")}</Label>
              <Input id="plan-code" value={planCode} onChange={(e) => setPlanCode(e.target.value)} />
            </div>
            <div className="grid w-32 gap-1">
              <Label htmlFor="per-period">{t("settings.tasksPerPeriod")}</Label>
              <Input
                id="per-period"
                type="number"
                min={1}
                value={perPeriod}
                onChange={(e) => setPerPeriod(e.target.value)}
              />
            </div>
            <div className="flex h-9 items-center gap-2">
              <Checkbox id="priority" checked={priority} onCheckedChange={(v) => setPriority(v === true)} />
              <Label htmlFor="priority">{t("settings.priority")}</Label>
            </div>
            <Button type="submit" disabled={!planCode.trim() || setPlan.isPending}>
              {t("settings.save")}
            </Button>
          </form>
        </CardContent>
      </Card>
      {bots.map(({ bot, settings }) => (
        <BotSettingsCard key={bot.id} username={bot.username} settings={settings} />
      ))}
    </div>
  );
}

function BotSettingsCard({ username, settings }: { username: string; settings: TaskSettings }) {
  const t = useTasksT();
  const save = useSetBotTaskSettings(t("settings.saved"));
  const [chat, setChat] = useState(settings.work_chat_id === null ? "" : String(settings.work_chat_id));
  const [untaken, setUntaken] = useState(String(settings.untaken_alert_minutes));
  const [reminder, setReminder] = useState(String(settings.reminder_minutes_before));
  const [zone, setZone] = useState(settings.timezone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      botId: settings.bot_id,
      workChatId: chat.trim() ? Number(chat) : null,
      untaken: Number(untaken),
      reminder: Number(reminder),
      timezone: zone.trim(),
    });
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>@{username}</CardTitle>
        <CardDescription>{t("settings.botHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="flex flex-wrap items-end gap-2" onSubmit={submit}>
          <div className="grid gap-1">
            <Label htmlFor={`chat-${settings.bot_id}`}>{t("settings.workChat")}</Label>
            <Input id={`chat-${settings.bot_id}`} value={chat} onChange={(e) => setChat(e.target.value)} />
          </div>
          <div className="grid w-40 gap-1">
            <Label htmlFor={`untaken-${settings.bot_id}`}>{t("settings.untaken")}</Label>
            <Input
              id={`untaken-${settings.bot_id}`}
              type="number"
              min={1}
              value={untaken}
              onChange={(e) => setUntaken(e.target.value)}
            />
          </div>
          <div className="grid w-40 gap-1">
            <Label htmlFor={`reminder-${settings.bot_id}`}>{t("settings.reminder")}</Label>
            <Input
              id={`reminder-${settings.bot_id}`}
              type="number"
              min={1}
              value={reminder}
              onChange={(e) => setReminder(e.target.value)}
            />
          </div>
          <div className="grid w-48 gap-1">
            <Label htmlFor={`zone-${settings.bot_id}`}>{t("settings.timezone")}</Label>
            <Input
              id={`zone-${settings.bot_id}`}
              value={zone}
              placeholder="Europe/Moscow"
              onChange={(e) => setZone(e.target.value)}
            />
          </div>
          <Button type="submit" disabled={save.isPending}>
            {t("settings.save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
