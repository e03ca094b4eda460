import { zodResolver } from "@hookform/resolvers/zod";
import { createApiKeyRequest } from "@lumen/contracts";
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
import { KeyRoundIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { RoleSelect } from "../../../components/role-select.tsx";
import { SecretOnce } from "../../../components/secret-once.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { apiKeyKeys, type CreatedApiKey, createApiKey } from "../api/api-keys.ts";
import { useApiKeysT } from "../i18n.ts";

/** Name and role; keys made here do not expire (the API takes an expiry for scripts). */
const formSchema = createApiKeyRequest.pick({ name: true, role: true });
type Values = z.input<typeof formSchema>;

/** Makes a key, then shows it in the same dialog once, with a copy button. */
export function CreateKeyDialog() {
  const t = useApiKeysT();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: "", role: "operator" },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) => createApiKey({ name: values.name, role: values.role }),
    meta: { form: true, successMessage: t("created") },
    onSuccess: async (key) => {
      setCreated(key);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
    },
    onError: (error) => setFieldErrors(error, form.setError, ["name", "role"]),
  });
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) setCreated(null);
  };
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button>
          <KeyRoundIcon /> {t("create")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("keyTitle", { name: created.name })}</DialogTitle>
              <DialogDescription>{t("createDescription")}</DialogDescription>
            </DialogHeader>
            <SecretOnce
              value={created.key}
              warning={t("keyWarning")}
              copyLabel={t("copy")}
              copiedLabel={t("copied")}
            />
            <DialogFooter>
              <Button onClick={() => close(false)}>{t("done")}</Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("createTitle")}</DialogTitle>
              <DialogDescription>{t("createDescription")}</DialogDescription>
            </DialogHeader>
            <form
              className="grid gap-4"
              noValidate
              onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
            >
              <FormField
                label={t("name")}
                hint={t("nameHint")}
                error={
                  errors.name && (errors.name.type === "server" ? errors.name.message : t("nameRequired"))
                }
              >
                {(p) => <Input {...p} autoComplete="off" {...form.register("name")} />}
              </FormField>
              <FormField label={t("role")} error={errors.role?.message}>
                {(p) => <RoleSelect control={form.control} name="role" fieldProps={p} />}
              </FormField>
              <DialogFooter>
                <SubmitButton pending={mutation.isPending}>{t("create")}</SubmitButton>
              </DialogFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
