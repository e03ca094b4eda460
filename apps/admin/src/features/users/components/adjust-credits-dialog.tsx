import { zodResolver } from "@hookform/resolvers/zod";
import { creditAdjustmentRequest } from "@lumen/contracts";
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
import { Loader2Icon } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { useAdjustCredits } from "../api/users.ts";
import { useUsersT } from "../i18n.ts";

type Values = z.input<typeof creditAdjustmentRequest>;

/**
 * Grant (positive) or deduct (negative) credits with a reason. The idempotency key is made when
 * the dialog opens, so a double click or a retried request changes the balance once.
 */
export function AdjustCreditsDialog({
  userId,
  open,
  onOpenChange,
}: {
  userId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useUsersT();
  const mutation = useAdjustCredits(userId);
  const form = useForm<Values>({
    resolver: zodResolver(creditAdjustmentRequest),
    defaultValues: { amount: 0, reason: "", idempotency_key: crypto.randomUUID() },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      const entry = await mutation.mutateAsync(values);
      toast.success(t("adjust.done", { balance: entry.balance_after }));
      form.reset({ amount: 0, reason: "", idempotency_key: crypto.randomUUID() });
      onOpenChange(false);
    } catch (error) {
      setFieldErrors(error, form.setError, ["amount", "reason"]);
    }
  });
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("adjust.title")}</DialogTitle>
            <DialogDescription>{t("adjust.description")}</DialogDescription>
          </DialogHeader>
          <FormField label={t("adjust.amount")} hint={t("adjust.amountHint")} error={errors.amount?.message}>
            {(props) => (
              <Input
                type="number"
                step={1}
                inputMode="numeric"
                {...props}
                {...form.register("amount", { valueAsNumber: true })}
              />
            )}
          </FormField>
          <FormField label={t("adjust.reason")} error={errors.reason?.message}>
            {(props) => <Input {...props} {...form.register("reason")} />}
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? <Loader2Icon className="animate-spin" /> : null}
              {t("adjust.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
