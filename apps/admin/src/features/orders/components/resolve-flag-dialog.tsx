import { zodResolver } from "@hookform/resolvers/zod";
import { resolveFlagRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@lumen/ui/components/dialog";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { Loader2Icon } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { useResolveFlag } from "../api/orders.ts";
import { useOrdersT } from "../i18n.ts";

type Values = z.input<typeof resolveFlagRequest>;

export function ResolveFlagDialog({
  orderId,
  open,
  onOpenChange,
}: {
  orderId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useOrdersT();
  const mutation = useResolveFlag(orderId);
  const form = useForm<Values>({ resolver: zodResolver(resolveFlagRequest), defaultValues: { note: "" } });
  const submit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      toast.success(t("resolve.done"));
      onOpenChange(false);
    } catch (error) {
      setFieldErrors(error, form.setError, ["note"]);
    }
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("resolve.title")}</DialogTitle>
          </DialogHeader>
          <FormField label={t("resolve.note")} error={form.formState.errors.note?.message}>
            {(props) => <Textarea rows={4} {...props} {...form.register("note")} />}
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? <Loader2Icon className="animate-spin" /> : null}
              {t("resolve.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
