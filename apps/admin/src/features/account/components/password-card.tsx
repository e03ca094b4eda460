import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordRequest } from "@lumen/contracts";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Input } from "@lumen/ui/components/input";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { changePassword } from "../api/account.ts";
import { useAccountT } from "../i18n.ts";

type Values = z.input<typeof changePasswordRequest>;

/** The operator's own password; the server ends their other sessions when it changes. */
export function PasswordCard() {
  const t = useAccountT();
  const form = useForm<Values>({
    resolver: zodResolver(changePasswordRequest),
    defaultValues: { current_password: "", new_password: "" },
  });
  const mutation = useMutation({
    mutationFn: changePassword,
    meta: { form: true, successMessage: t("password.changed") },
    onSuccess: () => form.reset(),
    onError: (error) => setFieldErrors(error, form.setError, ["current_password", "new_password"]),
  });
  const errors = form.formState.errors;
  const serverOr = (error: { type?: string; message?: string } | undefined, fallback: string) =>
    error && (error.type === "server" ? error.message : fallback);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("password.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="grid max-w-sm gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
        >
          <FormField
            label={t("password.current")}
            error={serverOr(errors.current_password, t("password.required"))}
          >
            {(p) => (
              <Input
                {...p}
                type="password"
                autoComplete="current-password"
                {...form.register("current_password")}
              />
            )}
          </FormField>
          <FormField
            label={t("password.next")}
            hint={t("password.nextHint")}
            error={serverOr(errors.new_password, t("password.tooShort"))}
          >
            {(p) => (
              <Input {...p} type="password" autoComplete="new-password" {...form.register("new_password")} />
            )}
          </FormField>
          <SubmitButton pending={mutation.isPending} className="w-fit">
            {t("password.save")}
          </SubmitButton>
        </form>
      </CardContent>
    </Card>
  );
}
