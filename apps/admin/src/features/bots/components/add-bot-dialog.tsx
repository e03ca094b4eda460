import { zodResolver } from "@hookform/resolvers/zod";
import { createBotRequest } from "@lumen/contracts";
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
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { addBot, botKeys } from "../api/bots.ts";
import { useBotsT } from "../i18n.ts";

type Values = z.input<typeof createBotRequest>;

/** The token goes to the server, which asks Telegram's getMe; a refused token is shown under the field. */
export function AddBotDialog() {
  const t = useBotsT();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(createBotRequest), defaultValues: { token: "" } });
  const mutation = useMutation({
    mutationFn: addBot,
    meta: { form: true },
    onSuccess: async (saved) => {
      toast.success(t("added", { username: saved.username }));
      await queryClient.invalidateQueries({ queryKey: botKeys.all });
      form.reset();
      setOpen(false);
    },
    onError: (error) => setFieldErrors(error, form.setError, ["token"]),
  });
  const error = form.formState.errors.token;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon /> {t("add")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("addTitle")}</DialogTitle>
          <DialogDescription>{t("addDescription")}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
        >
          <FormField
            label={t("token")}
            hint={t("tokenHint")}
            error={error && (error.type === "server" ? error.message : t("tokenInvalid"))}
          >
            {(p) => (
              <Input
                {...p}
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                {...form.register("token")}
              />
            )}
          </FormField>
          <DialogFooter>
            <SubmitButton pending={mutation.isPending}>{t("add")}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
