import { Badge } from "@lumen/ui/components/badge";
import { Link } from "@tanstack/react-router";
import { formatDateTime } from "../../../components/cells.tsx";
import type { TaskCard as TaskCardData } from "../api/tasks-api.ts";
import { useTasksT } from "../i18n.ts";

/** One task on the board: its text, who asked, who works on it, and what needs attention. */
export function TaskCard({ task }: { task: TaskCardData }) {
  const t = useTasksT();
  return (
    <Link
      to="/tasks/$id"
      params={{ id: task.id }}
      className="block rounded-lg border bg-card p-3 text-sm shadow-xs transition-colors hover:bg-accent"
      data-testid="task-card"
    >
      <p className="line-clamp-3 font-medium break-words">{task.text}</p>
      <p className="mt-1 text-xs text-muted-foreground">
        {task.user_name} · {task.assignee_email ?? t("nobody")}
      </p>
      <div className="mt-2 flex flex-wrap gap-1">
        {task.overdue ? <Badge variant="destructive">{t("overdue")}</Badge> : null}
        {task.priority === "high" ? <Badge>{t("high")}</Badge> : null}
        {task.plan_code ? <Badge variant="outline">{task.plan_code}</Badge> : null}
        {task.deadline ? (
          <Badge variant="secondary">{t("due", { date: formatDateTime(task.deadline) })}</Badge>
        ) : null}
      </div>
    </Link>
  );
}
