import { zodResolver } from "@hookform/resolvers/zod";
import { extendSubscriptionRequest } from "@lumen/contracts";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { useForm } from "react-hook-form";
import { formatDate } from "../../../components/cells.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { type ExtendValues, type Subscription, useExtendSubscription } from "../api/subscriptions-api.ts";
import { useSubscriptionsT } from "../i18n.ts";
import { userName } from "./subscription-columns.tsx";

/**
 * Days and a reason. The idempotency key is made when the dialog opens (it is mounted per plan),
 * so a double click or a retried request extends once.
 */
export function ExtendPlanDialog({
  subscription,
  onOpenChange,
}: {
  subscription: Subscription;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useSubscriptionsT();
  const mutation = useExtendSubscription(subscription.id);
  const form = useForm<ExtendValues>({
    resolver: zodResolver(extendSubscriptionRequest),
    defaultValues: { days: 7, reason: "", idempotency_key: crypto.randomUUID() },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      const row = await mutation.mutateAsync(values);
      toast.success(t("extend.done", { date: formatDate(row.ends_at) }));
      onOpenChange(false);
    } catch (error) {
      setFieldErrors(error, form.setError, ["days", "reason"]);
    }
  });
  const errors = form.formState.errors;
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>
              {t("extend.title", { plan: subscription.title, name: userName(subscription) })}
            </DialogTitle>
            <DialogDescription>{t("extend.description")}</DialogDescription>
          </DialogHeader>
          <FormField label={t("extend.days")} hint={t("extend.daysHint")} error={errors.days?.message}>
            {(props) => (
              <Input
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                {...props}
                {...form.register("days", { valueAsNumber: true })}
              />
            )}
          </FormField>
          <FormField label={t("extend.reason")} hint={t("extend.reasonHint")} error={errors.reason?.message}>
            {(props) => <Input {...props} {...form.register("reason")} />}
          </FormField>
          <DialogFooter>
            <SubmitButton pending={mutation.isPending}>{t("extend.submit")}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
