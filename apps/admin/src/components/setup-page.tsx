import { zodResolver } from "@hookform/resolvers/zod";
import { setupRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { Loader2Icon } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "../lib/api.ts";
import { useT } from "../lib/i18n.ts";
import { setFieldErrors } from "../lib/query-client.ts";
import { createOwner } from "../lib/setup.ts";
import { AuthCard } from "./auth-card.tsx";
import { FormField } from "./form-field.tsx";

type SetupValues = z.input<typeof setupRequest>;

export function SetupPage() {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<SetupValues>({
    resolver: zodResolver(setupRequest),
    defaultValues: { setup_code: "", email: "", password: "" },
  });
  const mutation = useMutation({
    mutationFn: createOwner,
    meta: { form: true, public: true },
    onSuccess: async (created) => {
      toast.success(t("setup.done"));
      queryClient.setQueryData(["setup"], { open: false });
      await router.navigate({ to: "/login", search: { email: created.operator.email } });
    },
    onError: async (error) => {
      if (setFieldErrors(error, form.setError, ["setup_code", "email", "password"])) return;
      if (error instanceof ApiError && error.status === 409) {
        toast.info(t("setup.closed"));
        await router.navigate({ to: "/login" });
      }
    },
  });
  const errors = form.formState.errors;
  const message = (e: { type?: string | number; message?: string } | undefined, fallback: string) =>
    e && (e.type === "server" ? e.message : fallback);

  return (
    <AuthCard title={t("setup.title")} subtitle={t("setup.subtitle")}>
      <form
        className="grid gap-4"
        noValidate
        onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
      >
        <FormField
          label={t("setup.code")}
          hint={t("setup.codeHint")}
          error={message(errors.setup_code, t("validation.required"))}
        >
          {(p) => (
            <Input
              {...p}
              autoComplete="one-time-code"
              autoFocus
              className="font-mono"
              {...form.register("setup_code")}
            />
          )}
        </FormField>
        <FormField label={t("setup.email")} error={message(errors.email, t("validation.email"))}>
          {(p) => <Input {...p} type="email" autoComplete="username" {...form.register("email")} />}
        </FormField>
        <FormField
          label={t("setup.password")}
          hint={t("setup.passwordHint")}
          error={message(errors.password, t("setup.passwordHint"))}
        >
          {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register("password")} />}
        </FormField>
        <Button type="submit" disabled={mutation.isPending} className="w-full">
          {mutation.isPending ? <Loader2Icon className="animate-spin" /> : null}
          {t("setup.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
