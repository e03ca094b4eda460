import { Button } from "@lumen/ui/components/button";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { taskQuery } from "../features/tasks/api.ts";
import { TaskActions } from "../features/tasks/task-actions.tsx";
import { TaskConversation } from "../features/tasks/task-conversation.tsx";
import { formatDeadline, statusLabel, statusTone } from "../features/tasks/task-format.ts";
import { t } from "../lib/i18n.ts";
import { useBackButton } from "../lib/telegram-buttons.ts";

export const Route = createFileRoute("/tasks/$taskId")({
  component: TaskPage,
});

/** One of the subscriber's tasks: what was asked, its status, the conversation, and what they can do now. */
function TaskPage() {
  const { taskId } = Route.useParams();
  const navigate = useNavigate();
  useBackButton(() => void navigate({ to: "/account" }));
  const task = useQuery(taskQuery(taskId));
  if (task.isPending) return <LoadingCards count={2} />;
  if (task.isError) return <LoadError error={task.error} retry={() => void task.refetch()} />;
  const data = task.data;
  return (
    <>
      <section className="flex flex-col gap-2 rounded-xl bg-card p-4" data-testid="task">
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 whitespace-pre-wrap break-words font-medium">{data.text}</p>
          <span
            className={`shrink-0 rounded-full px-2 py-0.5 text-xs ${statusTone[data.status]}`}
            data-testid="task-status"
          >
            {statusLabel(data.status)}
          </span>
        </div>
        <p className="text-sm text-muted-foreground" data-testid="task-deadline">
          {data.deadline ? t("tasks.due", { date: formatDeadline(data.deadline) }) : t("tasks.noDeadline")}
        </p>
        {data.result ? (
          <div className="rounded-lg bg-muted p-3">
            <p className="text-xs font-medium uppercase text-section-header">{t("tasks.result")}</p>
            <p className="whitespace-pre-wrap text-sm" data-testid="task-result">
              {data.result}
            </p>
          </div>
        ) : null}
      </section>
      <TaskConversation task={data} />
      <TaskActions task={data} />
      <Button asChild variant="ghost" className="h-10 self-start rounded-xl">
        <Link to="/account">{t("tasks.back")}</Link>
      </Button>
    </>
  );
}
