import { isTaskOpen } from "@lumen/contracts/task-status";
import { Button } from "@lumen/ui/components/button";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../lib/api.ts";
import { t } from "../../lib/i18n.ts";
import { type StoreTaskDetail, writeToTask } from "./api.ts";

/**
 * The task's conversation as the bot relays it: each message says who wrote it (you or "the
 * assistant", never their name); while the task is open the subscriber can write here too.
 */
export function TaskConversation({ task }: { task: StoreTaskDetail }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const write = useMutation({
    mutationFn: () => writeToTask(task.id, text.trim()),
    onSuccess: async () => {
      setText("");
      await queryClient.invalidateQueries({ queryKey: ["tasks", task.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) write.mutate();
  };
  const error = write.error;
  return (
    <>
      <h2 className="px-1 pt-2 text-xs font-medium uppercase text-section-header">
        {t("tasks.conversation")}
      </h2>
      <section className="flex flex-col gap-2 rounded-xl bg-card p-4" data-testid="task-conversation">
        {task.messages.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("tasks.noMessages")}</p>
        ) : (
          task.messages.map((m) => {
            const mine = m.author_type === "user";
            return (
              <div
                key={m.id}
                data-testid="task-message"
                className={`max-w-[85%] rounded-xl px-3 py-2 text-sm ${mine ? "self-end bg-primary text-primary-foreground" : "self-start bg-muted"}`}
              >
                <p className="text-xs opacity-70">{mine ? t("tasks.you") : t("tasks.assistant")}</p>
                <p className="whitespace-pre-wrap break-words">{m.text || t("tasks.attachment")}</p>
                {m.text && m.attachments.length > 0 ? (
                  <p className="text-xs">{t("tasks.attachment")}</p>
                ) : null}
              </div>
            );
          })
        )}
        {isTaskOpen(task.status) ? (
          <form className="flex flex-col gap-2 pt-2" onSubmit={submit}>
            <Textarea
              aria-label={t("tasks.write")}
              placeholder={t("tasks.write")}
              value={text}
              maxLength={4000}
              onChange={(e) => setText(e.target.value)}
            />
            {error ? (
              <p role="alert" className="text-sm text-destructive">
                {error instanceof ApiError && error.status === 429
                  ? t("tasks.tooMany")
                  : error instanceof ApiError && error.status === 409
                    ? t("tasks.closed")
                    : t("errors.generic")}
              </p>
            ) : null}
            <Button
              type="submit"
              className="h-10 self-end rounded-xl"
              disabled={write.isPending || !text.trim()}
            >
              {t("tasks.send")}
            </Button>
          </form>
        ) : null}
      </section>
    </>
  );
}
