import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney, StatusBadge } from "../../../components/cells.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { useLocale } from "../../../lib/i18n.ts";
import { type CourseTariff, courseKeys, setTariffChats, tariffsQueryOptions } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";

function TariffRow({
  courseId,
  tariff,
  canEdit,
}: {
  courseId: string;
  tariff: CourseTariff;
  canEdit: boolean;
}) {
  const t = useCoursesT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [chats, setChats] = useState(tariff.chat_ids.join(", "));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: setTariffChats,
    onSuccess: (saved) => {
      toast.success(t("course.chatsSaved", { tariff: tariff.tariff }));
      queryClient.setQueryData(courseKeys.tariffs(courseId), saved);
    },
  });
  const submit = () => {
    const parts = chats.split(/[\s,]+/).filter(Boolean);
    const ids = parts.map(Number);
    if (ids.some((n) => !Number.isSafeInteger(n))) return setError(t("course.chatsHint"));
    setError(null);
    save.mutate({ courseId, tariff: tariff.tariff, chatIds: ids });
  };
  return (
    <div className="grid gap-2 py-3" data-testid={`tariff-${tariff.tariff}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{tariff.tariff}</span>
        {tariff.products.length === 0 ? (
          <span className="text-sm text-muted-foreground">{t("course.noProducts")}</span>
        ) : (
          tariff.products.map((p) => (
            <span key={p.id} className="flex items-center gap-1 text-sm">
              {p.title}: {p.prices.map((pr) => formatMoney(pr.amount, pr.currency, locale)).join(" / ")}
              {p.active ? null : <StatusBadge label="off" />}
            </span>
          ))
        )}
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <FormField
          label={t("course.chats")}
          hint={t("course.chatsHint")}
          error={error ?? undefined}
          className="flex-1"
        >
          {(p) => (
            <Input
              {...p}
              value={chats}
              onChange={(e) => setChats(e.target.value)}
              disabled={!canEdit}
              placeholder="-1001234567890"
            />
          )}
        </FormField>
        {canEdit ? (
          <Button className="mt-7" variant="outline" onClick={submit} disabled={save.isPending}>
            {t("course.saveChats")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** BASIC, FEEDBACK and PREMIUM: the products selling each with their prices, and each tariff's chats. */
export function TariffChats({ courseId, canEdit }: { courseId: string; canEdit: boolean }) {
  const t = useCoursesT();
  const { data } = useSuspenseQuery(tariffsQueryOptions(courseId));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("course.tariffs")}</CardTitle>
        <CardDescription>{t("course.tariffsHint")}</CardDescription>
      </CardHeader>
      <CardContent className="divide-y">
        {data.items.map((tariff) => (
          <TariffRow key={tariff.tariff} courseId={courseId} tariff={tariff} canEdit={canEdit} />
        ))}
      </CardContent>
    </Card>
  );
}
