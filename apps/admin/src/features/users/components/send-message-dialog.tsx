import { zodResolver } from "@hookform/resolvers/zod";
import { sendUserMessageRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@lumen/ui/components/dialog";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { Loader2Icon } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { useSendUserMessage } from "../api/users.ts";
import { useUsersT } from "../i18n.ts";

type Values = z.input<typeof sendUserMessageRequest>;

export function SendMessageDialog({
  userId,
  name,
  open,
  onOpenChange,
}: {
  userId: string;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useUsersT();
  const mutation = useSendUserMessage(userId);
  const form = useForm<Values>({
    resolver: zodResolver(sendUserMessageRequest),
    defaultValues: { text: "" },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      toast.success(t("message.done"));
      form.reset({ text: "" });
      onOpenChange(false);
    } catch (error) {
      setFieldErrors(error, form.setError, ["text", "bot_id"]);
    }
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("message.title", { name })}</DialogTitle>
            <DialogDescription>{t("message.description")}</DialogDescription>
          </DialogHeader>
          <FormField
            label={t("message.text")}
            error={form.formState.errors.text?.message ?? form.formState.errors.bot_id?.message}
          >
            {(props) => <Textarea rows={5} {...props} {...form.register("text")} />}
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? <Loader2Icon className="animate-spin" /> : null}
              {t("message.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
