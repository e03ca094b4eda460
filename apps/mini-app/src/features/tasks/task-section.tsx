import { Button } from "@lumen/ui/components/button";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { t } from "../../lib/i18n.ts";
import { tasksQuery } from "./api.ts";
import { NewTaskForm } from "./new-task-form.tsx";
import { formatDeadline, statusLabel, statusTone } from "./task-format.ts";

const sectionTitle = "px-1 pt-2 text-xs font-medium uppercase text-section-header";

/**
 * The account page's tasks: what the plans still give, "New task", and each task with its
 * status, opening its conversation. Without a plan that gives tasks, a way to the store instead.
 */
export function TaskSection() {
  const tasks = useQuery(tasksQuery);
  const [writing, setWriting] = useState(false);
  if (!tasks.data) return null;
  const { items, allowances } = tasks.data;
  return (
    <>
      <h2 className={sectionTitle}>{t("tasks.title")}</h2>
      <section className="flex flex-col gap-3 rounded-xl bg-card p-4" data-testid="tasks">
        {allowances.length === 0 ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-muted-foreground">{t("tasks.noPlan")}</p>
            <Button asChild variant="secondary" className="h-10 self-start rounded-xl">
              <Link to="/">{t("tasks.toStore")}</Link>
            </Button>
          </div>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">{t("tasks.hint")}</p>
            {allowances.map((a) => (
              <p key={a.plan_code} className="text-sm" data-testid="task-allowance">
                {t("tasks.left", { title: a.title, left: a.tasks_left, total: a.tasks_per_period })}
              </p>
            ))}
            {writing ? (
              <NewTaskForm priorityAllowed={tasks.data.priority_allowed} onDone={() => setWriting(false)} />
            ) : (
              <Button
                className="h-11 rounded-xl"
                disabled={!tasks.data.can_create}
                onClick={() => setWriting(true)}
              >
                {t("tasks.new")}
              </Button>
            )}
          </>
        )}
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("tasks.empty")}</p>
        ) : (
          <ul className="-mx-4 divide-y border-t">
            {items.map((task) => (
              <li key={task.id} data-testid="task-row">
                <Link
                  to="/tasks/$taskId"
                  params={{ taskId: task.id }}
                  className="flex flex-col gap-1 px-4 py-3"
                >
                  <span className="flex items-baseline justify-between gap-3">
                    <span className="min-w-0 truncate font-medium">{task.text}</span>
                    <span
                      className={`shrink-0 rounded-full px-2 py-0.5 text-xs ${statusTone[task.status]}`}
                      data-testid="task-status"
                    >
                      {statusLabel(task.status)}
                    </span>
                  </span>
                  {task.deadline ? (
                    <span className="text-xs text-muted-foreground">
                      {t("tasks.due", { date: formatDeadline(task.deadline) })}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
