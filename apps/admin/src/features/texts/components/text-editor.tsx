import { zodResolver } from "@hookform/resolvers/zod";
import { botTextRequest, welcomeTextKeys } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcwIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { formatDateTime } from "../../../components/cells.tsx";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import {
  type BotTextEntry,
  resetBotText,
  saveBotText,
  type TextLocale,
  textKeys,
  textPreviewQueryOptions,
} from "../api/texts-api.ts";
import { useTextsT } from "../i18n.ts";
import { TelegramPreview } from "./telegram-preview.tsx";
import { WelcomeImageField } from "./welcome-image-field.tsx";

type Values = z.output<typeof botTextRequest>;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * One text in one language: the operator's wording (or the default to start from), checked and
 * rendered by the server while typing, saved or reset to the default.
 */
export function TextEditor({
  botId,
  botName,
  locale,
  entry,
  canEdit,
  welcomeImage,
}: {
  botId: string;
  botName: string;
  locale: TextLocale;
  entry: BotTextEntry;
  canEdit: boolean;
  /** The bot's picture above the main menu in this language, shown with the welcome texts. */
  welcomeImage: string | null;
}) {
  const isWelcome = welcomeTextKeys.includes(entry.key);
  const t = useTextsT();
  const queryClient = useQueryClient();
  const version = entry.texts[locale];
  const form = useForm<Values>({
    resolver: zodResolver(botTextRequest),
    defaultValues: { source: version.override ?? version.default },
  });
  // Another text or language opened: start from what the bot says there.
  useEffect(() => {
    form.reset({ source: version.override ?? version.default });
  }, [form, version.override, version.default]);
  const source = useWatch({ control: form.control, name: "source" });
  const [samples, setSamples] = useState<Record<string, string>>({});
  const args = Object.fromEntries(Object.entries(samples).filter(([, v]) => v.trim() !== ""));
  const debouncedSource = useDebounced(source, 250);
  const preview = useQuery(textPreviewQueryOptions(botId, locale, entry.key, debouncedSource, args));
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  const save = useMutation({
    mutationFn: saveBotText,
    meta: { form: true, successMessage: t("editor.saved") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: textKeys.list(botId) }),
    onError: (error) => setFieldErrors(error, form.setError, ["source"]),
  });
  const reset = useMutation({
    mutationFn: resetBotText,
    onSuccess: async () => {
      toast.success(t("editor.resetDone"));
      setConfirmReset(false);
      await queryClient.invalidateQueries({ queryKey: textKeys.list(botId) });
    },
  });

  const problems = preview.data?.problems ?? [];
  const liveError = problems.map((p) => `line ${p.line}: ${p.message}`).join("\n") || undefined;
  const error = form.formState.errors.source?.message ?? liveError;

  const insert = (name: string) => {
    const el = textarea.current;
    const token = `{ $${name} }`;
    const at = el?.selectionStart ?? source.length;
    const end = el?.selectionEnd ?? at;
    form.setValue("source", `${source.slice(0, at)}${token}${source.slice(end)}`, { shouldDirty: true });
    el?.focus();
  };
  const { ref: registerRef, ...sourceField } = form.register("source");

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <form
        className="grid content-start gap-4"
        noValidate
        onSubmit={form.handleSubmit((values) =>
          save.mutate({ botId, locale, key: entry.key, source: values.source }),
        )}
      >
        <div>
          <h2 className="font-mono text-sm font-semibold">{entry.key}</h2>
          <p className="text-sm text-muted-foreground">
            {version.override !== null
              ? t("editor.usingOverride", {
                  when: version.updated_at ? formatDateTime(version.updated_at) : "",
                })
              : t("editor.usingDefault")}
          </p>
        </div>
        <FormField label={t("editor.text")} hint={t("editor.hint")} error={error}>
          {(p) => (
            <Textarea
              {...p}
              {...sourceField}
              ref={(el) => {
                registerRef(el);
                textarea.current = el;
              }}
              readOnly={!canEdit}
              rows={Math.min(16, Math.max(4, source.split("\n").length + 1))}
              className="font-mono text-sm whitespace-pre-wrap"
              spellCheck
            />
          )}
        </FormField>
        <div className="grid gap-2">
          <Label>{t("editor.variables")}</Label>
          {entry.variables.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("editor.noVariables")}</p>
          ) : (
            <div className="flex flex-wrap gap-2">
              {entry.variables.map((name) => (
                <Button
                  key={name}
                  type="button"
                  size="sm"
                  variant="outline"
                  className="font-mono"
                  disabled={!canEdit}
                  aria-label={t("editor.insert", { name: `$${name}` })}
                  onClick={() => insert(name)}
                >
                  ${name}
                </Button>
              ))}
            </div>
          )}
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={save.isPending}>{t("editor.save")}</SubmitButton>
            {version.override !== null ? (
              <Button type="button" variant="outline" onClick={() => setConfirmReset(true)}>
                <RotateCcwIcon aria-hidden />
                {t("editor.reset")}
              </Button>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t("editor.readOnly")}</p>
        )}
        {isWelcome ? (
          <WelcomeImageField
            key={`${botId}:${locale}:${welcomeImage ?? ""}`}
            botId={botId}
            locale={locale}
            current={welcomeImage}
            canEdit={canEdit}
          />
        ) : null}
        <details className="rounded-md border p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("editor.defaultText")}</summary>
          <pre className="mt-2 font-mono text-xs whitespace-pre-wrap text-muted-foreground">
            {version.default}
          </pre>
        </details>
      </form>
      <div className="grid content-start gap-4">
        <div className="grid gap-1">
          <Label>{t("editor.preview")}</Label>
          <p className="text-xs text-muted-foreground">{t("editor.previewHint")}</p>
        </div>
        <TelegramPreview
          text={preview.data?.text ?? (problems.length ? "…" : "")}
          botName={botName}
          photo={isWelcome ? welcomeImage : null}
          photoLabel={t("image.photo")}
        />
        {entry.variables.length > 0 ? (
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("editor.sample")}</legend>
            {entry.variables.map((name) => (
              <div key={name} className="grid grid-cols-[8rem_1fr] items-center gap-2 text-sm">
                <Label htmlFor={`sample-${name}`} className="truncate font-mono">
                  ${name}
                </Label>
                <Input
                  id={`sample-${name}`}
                  value={samples[name] ?? ""}
                  onChange={(e) => setSamples({ ...samples, [name]: e.target.value })}
                  className="h-8"
                />
              </div>
            ))}
          </fieldset>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title={t("editor.resetTitle")}
        description={t("editor.resetBody")}
        confirmLabel={t("editor.reset")}
        destructive
        pending={reset.isPending}
        onConfirm={() => reset.mutate({ botId, locale, key: entry.key })}
      />
    </div>
  );
}
