import { Button } from "@lumen/ui/components/button";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../lib/api.ts";
import { t } from "../../lib/i18n.ts";
import { cancelTask, rateTask, type StoreTaskDetail } from "./api.ts";

/**
 * What the subscriber can do with the task now: cancel it while nobody has taken it (a second
 * tap confirms), or rate it once it is done. The server decides; a refusal is said in words.
 */
export function TaskActions({ task }: { task: StoreTaskDetail }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [rating, setRating] = useState(task.rating ?? 0);
  const [comment, setComment] = useState(task.rating_comment ?? "");
  const refresh = (fresh: StoreTaskDetail) => {
    queryClient.setQueryData(["tasks", task.id], fresh);
    void queryClient.invalidateQueries({ queryKey: ["tasks"], exact: true });
  };
  const cancel = useMutation({ mutationFn: () => cancelTask(task.id), onSuccess: refresh });
  const rate = useMutation({
    mutationFn: () => rateTask(task.id, { rating, comment: comment.trim() || null }),
    onSuccess: refresh,
  });

  if (task.status === "new") {
    const taken = cancel.error instanceof ApiError && cancel.error.status === 409;
    return (
      <section className="flex flex-col gap-2 rounded-xl bg-card p-4">
        {confirming ? <p className="text-sm">{t("tasks.confirmCancel")}</p> : null}
        {cancel.error ? (
          <p role="alert" className="text-sm text-destructive">
            {taken ? t("tasks.cancelTaken") : t("errors.generic")}
          </p>
        ) : null}
        <Button
          variant={confirming ? "destructive" : "secondary"}
          className="h-10 self-start rounded-xl"
          disabled={cancel.isPending}
          onClick={() => (confirming ? cancel.mutate() : setConfirming(true))}
        >
          {t("tasks.cancel")}
        </Button>
      </section>
    );
  }
  if (task.status !== "done") return null;
  return (
    <section className="flex flex-col gap-3 rounded-xl bg-card p-4" data-testid="task-rating">
      <p className="text-sm font-medium">
        {task.rating ? t("tasks.rated", { rating: task.rating }) : t("tasks.rate")}
      </p>
      <div className="flex gap-2">
        {[1, 2, 3, 4, 5].map((n) => (
          <Button
            key={n}
            type="button"
            variant={n <= rating ? "default" : "secondary"}
            className="h-10 w-10 rounded-full p-0"
            aria-label={`${n} ⭐`}
            aria-pressed={n === rating}
            onClick={() => setRating(n)}
          >
            {n}
          </Button>
        ))}
      </div>
      <Textarea
        aria-label={t("tasks.comment")}
        placeholder={t("tasks.comment")}
        value={comment}
        maxLength={1000}
        onChange={(e) => setComment(e.target.value)}
      />
      {rate.error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("errors.generic")}
        </p>
      ) : null}
      <Button
        className="h-10 self-start rounded-xl"
        disabled={rating === 0 || rate.isPending}
        onClick={() => rate.mutate()}
      >
        {t("tasks.saveRating")}
      </Button>
    </section>
  );
}
