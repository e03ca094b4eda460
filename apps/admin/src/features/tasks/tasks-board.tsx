import { taskStatus } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Label } from "@lumen/ui/components/label";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { BarChart3Icon, SettingsIcon } from "lucide-react";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { type TaskCard as TaskCardData, taskBoardQueryOptions } from "./api/tasks-api.ts";
import { TaskCard } from "./components/task-card.tsx";
import { useTasksT } from "./i18n.ts";

const route = getRouteApi("/_authed/tasks/");
const columns = taskStatus.options;
const selectClass = "h-9 rounded-md border bg-background px-2 text-sm";

/** Unique choices for a filter, from the tasks on the board (assistants may not list operators). */
function choices(tasks: TaskCardData[], pick: (t: TaskCardData) => [string, string] | null) {
  const seen = new Map<string, string>();
  for (const task of tasks) {
    const choice = pick(task);
    if (choice) seen.set(choice[0], choice[1]);
  }
  return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
}

/** The task board: one column per status, filtered by assistant, plan and overdue in the URL. */
export function TasksBoard() {
  const t = useTasksT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const board = useQuery(taskBoardQueryOptions(search)).data?.items ?? [];
  const everything = useQuery(taskBoardQueryOptions({})).data?.items ?? board;
  const assistants = choices(everything, (task) =>
    task.assignee_id ? [task.assignee_id, task.assignee_email ?? task.assignee_id] : null,
  );
  const plans = choices(everything, (task) => (task.plan_code ? [task.plan_code, task.plan_code] : null));
  const setFilter = (patch: Partial<typeof search>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link to="/tasks/statistics">
                <BarChart3Icon /> {t("statisticsLink")}
              </Link>
            </Button>
            {can(me, "admin") ? (
              <Button variant="outline" asChild>
                <Link to="/tasks/settings">
                  <SettingsIcon /> {t("settingsLink")}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <select
          aria-label={t("filters.assistant")}
          className={selectClass}
          value={search.assignee_id ?? ""}
          onChange={(e) => setFilter({ assignee_id: e.target.value || undefined })}
        >
          <option value="">{t("filters.anyAssistant")}</option>
          {assistants.map(([id, email]) => (
            <option key={id} value={id}>
              {email}
            </option>
          ))}
        </select>
        <select
          aria-label={t("filters.plan")}
          className={selectClass}
          value={search.plan_code ?? ""}
          onChange={(e) => setFilter({ plan_code: e.target.value || undefined })}
        >
          <option value="">{t("filters.anyPlan")}</option>
          {plans.map(([code]) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        <div className="flex items-center gap-2">
          <Checkbox
            id="overdue-only"
            checked={search.overdue === "true"}
            onCheckedChange={(checked) => setFilter({ overdue: checked === true ? "true" : undefined })}
          />
          <Label htmlFor="overdue-only">{t("filters.overdue")}</Label>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-3 xl:grid-cols-5">
        {columns.map((status) => {
          const inColumn = board.filter((task) => task.status === status);
          return (
            <section
              key={status}
              aria-label={t(`statuses.${status}`)}
              className="min-w-0 rounded-xl bg-muted/40 p-3"
            >
              <h2 className="mb-3 flex items-center justify-between text-sm font-semibold">
                {t(`statuses.${status}`)}
                <span className="tabular-nums text-muted-foreground">{inColumn.length}</span>
              </h2>
              <div className="grid gap-2">
                {inColumn.length ? (
                  inColumn.map((task) => <TaskCard key={task.id} task={task} />)
                ) : (
                  <p className="text-xs text-muted-foreground">{t("empty")}</p>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
