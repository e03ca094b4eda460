import { zodResolver } from "@hookform/resolvers/zod";
import { botFeature, createBotRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Checkbox } from "@lumen/ui/components/checkbox";
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
import { Label } from "@lumen/ui/components/label";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useId, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { addBot, botKeys } from "../api/bots.ts";
import { useBotsT } from "../i18n.ts";

type Values = z.input<typeof createBotRequest>;

type Feature = z.output<typeof botFeature>;

/**
 * Connecting a bot: the token goes to the server, which asks Telegram's getMe (a refused token is
 * shown under the field), saves it with the features picked here, sets its commands and starts it
 * the way this installation receives updates (long polling, or a webhook at PUBLIC_URL).
 */
export function AddBotDialog({ mode }: { mode: "polling" | "webhook" }) {
  const t = useBotsT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(createBotRequest),
    defaultValues: { token: "", features: ["assistant", "shop"] },
  });
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
          <Controller
            control={form.control}
            name="features"
            render={({ field }) => {
              const list: Feature[] = field.value ?? [];
              return (
                <fieldset className="grid gap-2">
                  <legend className="mb-2 text-sm font-medium">{t("features")}</legend>
                  <div className="flex flex-wrap gap-x-5 gap-y-2">
                    {botFeature.options.map((feature) => (
                      <div key={feature} className="flex items-center gap-2">
                        <Checkbox
                          id={`${id}-${feature}`}
                          checked={list.includes(feature)}
                          onCheckedChange={(on) =>
                            field.onChange(on ? [...list, feature] : list.filter((f) => f !== feature))
                          }
                        />
                        <Label htmlFor={`${id}-${feature}`} className="font-normal">
                          {t(`featureNames.${feature}`)}
                        </Label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              );
            }}
          />
          <p className="text-sm text-muted-foreground" data-connect-mode>
            {t(mode === "webhook" ? "connectWebhook" : "connectPolling")}
          </p>
          <DialogFooter>
            <SubmitButton pending={mutation.isPending}>{t("add")}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
