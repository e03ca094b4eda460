import { zodResolver } from "@hookform/resolvers/zod";
import { loginRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { Loader2Icon } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "../lib/api.ts";
import { meQueryOptions, signIn } from "../lib/auth.ts";
import { useT } from "../lib/i18n.ts";
import { setFieldErrors } from "../lib/query-client.ts";
import { safeRedirect } from "../lib/redirect.ts";
import { setupStatusQueryOptions } from "../lib/setup.ts";
import { AuthCard } from "./auth-card.tsx";
import { FormField } from "./form-field.tsx";

type LoginValues = z.input<typeof loginRequest>;
const route = getRouteApi("/login");

export function LoginPage() {
  const t = useT();
  const search = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const setup = useQuery(setupStatusQueryOptions());
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginRequest),
    defaultValues: { email: search.email ?? "", password: "" },
  });
  const mutation = useMutation({
    mutationFn: signIn,
    meta: { form: true, public: true },
    onSuccess: async () => {
      // The guard reads the cached "me" (null before sign-in): fetch it fresh before going on.
      await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
      await router.navigate({ href: safeRedirect(search.redirect) });
    },
    onError: (error) => {
      if (setFieldErrors(error, form.setError, ["email", "password"])) return;
      if (error instanceof ApiError && error.status === 401)
        form.setError("root", { message: t("login.failed") });
    },
  });
  const errors = form.formState.errors;

  return (
    <AuthCard title={t("login.title")} subtitle={t("login.subtitle")}>
      {search.expired ? (
        <p className="mb-4 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm" role="status">
          {t("login.sessionExpired")}
        </p>
      ) : null}
      <form
        className="grid gap-4"
        noValidate
        onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
      >
        <FormField
          label={t("login.email")}
          error={
            errors.email && (errors.email.type === "server" ? errors.email.message : t("validation.email"))
          }
        >
          {(p) => <Input {...p} type="email" autoComplete="username" autoFocus {...form.register("email")} />}
        </FormField>
        <FormField
          label={t("login.password")}
          error={
            errors.password &&
            (errors.password.type === "server" ? errors.password.message : t("validation.required"))
          }
        >
          {(p) => (
            <Input {...p} type="password" autoComplete="current-password" {...form.register("password")} />
          )}
        </FormField>
        {errors.root ? (
          <p className="text-sm text-destructive" role="alert">
            {errors.root.message}
          </p>
        ) : null}
        <Button type="submit" disabled={mutation.isPending} className="w-full">
          {mutation.isPending ? <Loader2Icon className="animate-spin" /> : null}
          {t("login.submit")}
        </Button>
      </form>
      {setup.data?.open ? (
        <p className="mt-6 text-center text-sm text-muted-foreground">
          {t("login.noAccount")}{" "}
          <Link to="/setup" className="font-medium text-primary underline-offset-4 hover:underline">
            {t("login.setupLink")}
          </Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
