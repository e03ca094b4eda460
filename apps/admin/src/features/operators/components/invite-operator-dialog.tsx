import { zodResolver } from "@hookform/resolvers/zod";
import { inviteOperatorRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlusIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { RoleSelect } from "../../../components/role-select.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { inviteOperator, type OperatorWithPassword, operatorKeys } from "../api/operators.ts";
import { useOperatorsT } from "../i18n.ts";

type Values = z.input<typeof inviteOperatorRequest>;

export function InviteOperatorDialog({ onCreated }: { onCreated: (created: OperatorWithPassword) => void }) {
  const t = useOperatorsT();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(inviteOperatorRequest),
    defaultValues: { email: "", role: "operator" },
  });
  const mutation = useMutation({
    mutationFn: inviteOperator,
    meta: { form: true, successMessage: t("created") },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: operatorKeys.all });
      form.reset();
      setOpen(false);
      onCreated(created);
    },
    onError: (error) => setFieldErrors(error, form.setError, ["email", "role"]),
  });
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon /> {t("invite")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("inviteTitle")}</DialogTitle>
          <DialogDescription>{t("inviteDescription")}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
        >
          <FormField
            label={t("email")}
            error={
              errors.email && (errors.email.type === "server" ? errors.email.message : t("emailInvalid"))
            }
          >
            {(p) => <Input {...p} type="email" autoComplete="off" {...form.register("email")} />}
          </FormField>
          <FormField label={t("role")} error={errors.role?.message}>
            {(p) => <RoleSelect control={form.control} name="role" fieldProps={p} />}
          </FormField>
          <DialogFooter>
            <SubmitButton pending={mutation.isPending}>{t("invite")}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
