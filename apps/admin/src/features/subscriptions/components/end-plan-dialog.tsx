import { zodResolver } from "@hookform/resolvers/zod";
import { endSubscriptionRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
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
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { useT } from "../../../lib/i18n.ts";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { type EndValues, type Subscription, useEndSubscription } from "../api/subscriptions-api.ts";
import { useSubscriptionsT } from "../i18n.ts";
import { userName } from "./subscription-columns.tsx";

/**
 * Ending a plan is destructive (access goes at the next sweep), so it asks first and wants a
 * reason for the audit log. A plan renewing through Telegram must have its renewal cancelled first.
 */
export function EndPlanDialog({
  subscription,
  onOpenChange,
}: {
  subscription: Subscription;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useSubscriptionsT();
  const common = useT();
  const mutation = useEndSubscription(subscription.id);
  const form = useForm<EndValues>({
    resolver: zodResolver(endSubscriptionRequest),
    defaultValues: { reason: "" },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      toast.success(t("end.done"));
      onOpenChange(false);
    } catch (error) {
      setFieldErrors(error, form.setError, ["reason"]);
    }
  });
  return (
    <Dialog open onOpenChange={(open) => !mutation.isPending && onOpenChange(open)}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>
              {t("end.title", { plan: subscription.title, name: userName(subscription) })}
            </DialogTitle>
            <DialogDescription>
              {subscription.renews ? t("end.renewsFirst") : t("end.description")}
            </DialogDescription>
          </DialogHeader>
          {subscription.renews ? null : (
            <FormField label={t("end.reason")} error={form.formState.errors.reason?.message}>
              {(props) => <Input {...props} {...form.register("reason")} />}
            </FormField>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {common("actions.cancel")}
            </Button>
            <SubmitButton variant="destructive" pending={mutation.isPending} disabled={subscription.renews}>
              {t("end.submit")}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
