import { isTaskOpen } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Textarea } from "@lumen/ui/components/textarea";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { can, useMe } from "../../../lib/auth.ts";
import {
  assigneesQueryOptions,
  type TaskView,
  useCancelTask,
  useCompleteTask,
  useReassignTask,
  useSendTaskMessage,
  useTakeTask,
} from "../api/tasks-api.ts";
import { useTasksT } from "../i18n.ts";

const selectClass = "h-9 rounded-md border bg-background px-2 text-sm";

/**
 * What can be done to the task from the panel: take it, write to the subscriber (or ask and
 * wait), mark it done; operators also reassign and cancel. The server decides; this only asks.
 */
export function TaskActions({ task }: { task: TaskView }) {
  const t = useTasksT();
  const me = useMe();
  const isOperator = can(me, "operator");
  const open = isTaskOpen(task.status);
  const [text, setText] = useState("");
  const [result, setResult] = useState("");
  const [confirming, setConfirming] = useState(false);
  const take = useTakeTask(task.id);
  const send = useSendTaskMessage(task.id, t("task.sent"));
  const complete = useCompleteTask(task.id);
  const cancel = useCancelTask(task.id);
  const reassign = useReassignTask(task.id, t("task.reassigned"));
  const assignees = useQuery(assigneesQueryOptions(isOperator && open)).data ?? [];
  if (!open) return null;
  const working = task.status !== "new";

  return (
    <Card>
      <CardContent className="grid gap-4 pt-6">
        {task.status === "new" ? (
          <Button className="w-fit" onClick={() => take.mutate(undefined)} disabled={take.isPending}>
            {t("task.take")}
          </Button>
        ) : null}
        {working ? (
          <div className="grid gap-2">
            <Textarea
              aria-label={t("task.write")}
              placeholder={t("task.write")}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="flex flex-wrap gap-2">
              <Button
                disabled={!text.trim() || send.isPending}
                onClick={() => send.mutate({ text, ask: false }, { onSuccess: () => setText("") })}
              >
                {t("task.send")}
              </Button>
              <Button
                variant="outline"
                disabled={!text.trim() || send.isPending}
                onClick={() => send.mutate({ text, ask: true }, { onSuccess: () => setText("") })}
              >
                {t("task.ask")}
              </Button>
            </div>
          </div>
        ) : null}
        {working ? (
          <div className="grid gap-2">
            <Textarea
              aria-label={t("task.result")}
              placeholder={t("task.resultPlaceholder")}
              value={result}
              onChange={(e) => setResult(e.target.value)}
            />
            <Button
              className="w-fit"
              disabled={!result.trim() || complete.isPending}
              onClick={() => complete.mutate(result)}
            >
              {t("task.done")}
            </Button>
          </div>
        ) : null}
        {isOperator ? (
          <div className="flex flex-wrap items-center gap-2 border-t pt-4">
            <select
              aria-label={t("task.reassign")}
              className={selectClass}
              value=""
              onChange={(e) => reassign.mutate(e.target.value === "-" ? null : e.target.value)}
            >
              <option value="">{t("task.reassign")}</option>
              <option value="-">{t("task.reassignAnyone")}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.email} ({a.role})
                </option>
              ))}
            </select>
            <Button variant="destructive" onClick={() => setConfirming(true)}>
              {t("task.cancel")}
            </Button>
            <ConfirmDialog
              open={confirming}
              onOpenChange={setConfirming}
              title={t("task.cancel")}
              description={t("task.cancelConfirm")}
              destructive
              pending={cancel.isPending}
              onConfirm={() => cancel.mutateAsync(undefined)}
            />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

export function TaskSectionTitle({ children }: { children: string }) {
  return (
    <CardHeader>
      <CardTitle>{children}</CardTitle>
    </CardHeader>
  );
}
