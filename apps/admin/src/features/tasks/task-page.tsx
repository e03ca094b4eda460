import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import { Card, CardContent } from "@lumen/ui/components/card";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeftIcon } from "lucide-react";
import { formatDateTime } from "../../components/cells.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { taskQueryOptions } from "./api/tasks-api.ts";
import { TaskActions, TaskSectionTitle } from "./components/task-actions.tsx";
import { useTasksT } from "./i18n.ts";

const route = getRouteApi("/_authed/tasks/$id");

/** One task: what was asked, the conversation both ways, its history from task_events, and the actions. */
export function TaskPage() {
  const t = useTasksT();
  const { id } = route.useParams();
  const task = useSuspenseQuery(taskQueryOptions(id)).data;
  return (
    <div className="grid max-w-4xl gap-6">
      <PageHeader
        title={task.text.length > 80 ? `${task.text.slice(0, 79)}…` : task.text}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge data-testid="task-status">{t(`statuses.${task.status}`)}</Badge>
            {task.overdue ? <Badge variant="destructive">{t("overdue")}</Badge> : null}
            {task.priority === "high" ? <Badge>{t("high")}</Badge> : null}
          </span>
        }
        actions={
          <Button variant="outline" asChild>
            <Link to="/tasks">
              <ArrowLeftIcon /> {t("task.back")}
            </Link>
          </Button>
        }
      />
      <Card>
        <CardContent className="grid gap-1 pt-6 text-sm">
          <p className="whitespace-pre-wrap">{task.text}</p>
          <p className="text-muted-foreground">
            {t("task.from", { name: task.user_name, id: String(task.user_telegram_id) })}
          </p>
          {task.plan_code ? (
            <p className="text-muted-foreground">{t("task.plan", { plan: task.plan_code })}</p>
          ) : null}
          <p className="text-muted-foreground">
            {task.deadline
              ? t("task.deadline", { date: formatDateTime(task.deadline) })
              : t("task.noDeadline")}
          </p>
          <p className="text-muted-foreground">
            {t("task.assignee", { email: task.assignee_email ?? t("nobody") })}
          </p>
          {task.attachments.length ? (
            <p className="text-muted-foreground">
              {t("task.attachments", { count: task.attachments.length })}
            </p>
          ) : null}
          {task.result ? (
            <p className="mt-2">
              <span className="font-medium">{t("task.result")}:</span> {task.result}
            </p>
          ) : null}
          {task.rating ? (
            <p>
              {t("task.rating", { rating: task.rating })} {task.rating_comment ?? ""}
            </p>
          ) : null}
        </CardContent>
      </Card>
      <TaskActions task={task} />
      <Card>
        <TaskSectionTitle>{t("task.conversation")}</TaskSectionTitle>
        <CardContent className="grid gap-3" data-testid="task-conversation">
          {task.messages.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("task.noMessages")}</p>
          ) : null}
          {task.messages.map((m) => (
            <div
              key={m.id}
              className={`max-w-[80%] rounded-lg px-3 py-2 text-sm ${m.author_type === "user" ? "bg-muted" : "ml-auto bg-primary/10"}`}
            >
              <p className="text-xs text-muted-foreground">
                {m.author_type === "user" ? t("task.subscriber") : (m.operator_email ?? t("task.assistant"))}{" "}
                · {formatDateTime(m.created_at)}
              </p>
              <p className="whitespace-pre-wrap">{m.text || "📎"}</p>
            </div>
          ))}
        </CardContent>
      </Card>
      <Card>
        <TaskSectionTitle>{t("task.history")}</TaskSectionTitle>
        <CardContent>
          <ol className="grid gap-1 text-sm" data-testid="task-history">
            {task.events.map((e) => (
              <li key={e.id} className="flex gap-3">
                <span className="w-40 shrink-0 tabular-nums text-muted-foreground">
                  {formatDateTime(e.at)}
                </span>
                <span>
                  {t(`events.${e.kind}`)}
                  {e.actor_email ? ` · ${e.actor_email}` : ""}
                </span>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
