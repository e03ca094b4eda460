import { Button } from "@lumen/ui/components/button";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../lib/api.ts";
import { t } from "../../lib/i18n.ts";
import { createTask } from "./api.ts";
import { localInputToIso, localZone } from "./task-format.ts";

/**
 * The bot's guided /task as one form: what to do, an optional deadline typed in the
 * subscriber's own time, priority when a plan allows it. One key per form, so a double tap on
 * Send creates one task.
 */
export function NewTaskForm({ priorityAllowed, onDone }: { priorityAllowed: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [key] = useState(() => crypto.randomUUID());
  const [text, setText] = useState("");
  const [deadline, setDeadline] = useState("");
  const [high, setHigh] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createTask({
        text: text.trim(),
        deadline: localInputToIso(deadline),
        priority: high ? "high" : "normal",
        idempotency_key: key,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) create.mutate();
  };
  const error = create.error;
  const message =
    error instanceof ApiError && error.status === 403
      ? t("tasks.refused")
      : error instanceof ApiError && error.field?.includes("deadline")
        ? t("tasks.badDeadline")
        : error
          ? t("errors.generic")
          : null;
  return (
    <form className="flex flex-col gap-3" onSubmit={submit} data-testid="new-task">
      <Label htmlFor="task-text">{t("tasks.what")}</Label>
      <Textarea
        id="task-text"
        value={text}
        maxLength={4000}
        placeholder={t("tasks.placeholder")}
        onChange={(e) => setText(e.target.value)}
      />
      <Label htmlFor="task-deadline">{t("tasks.deadline")}</Label>
      <Input
        id="task-deadline"
        type="datetime-local"
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      <p className="text-xs text-muted-foreground">{t("tasks.deadlineZone", { zone: localZone() })}</p>
      {priorityAllowed ? (
        <Label className="flex items-center gap-2">
          <Checkbox checked={high} onCheckedChange={(v) => setHigh(v === true)} />
          {t("tasks.priority")}
        </Label>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
      <Button type="submit" className="h-11 rounded-xl" disabled={create.isPending || !text.trim()}>
        {create.isPending ? t("tasks.creating") : t("tasks.create")}
      </Button>
    </form>
  );
}
