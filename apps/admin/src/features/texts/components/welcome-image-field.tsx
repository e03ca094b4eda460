import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ImageIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { FormField } from "../../../components/form-field.tsx";
import { isApiError } from "../../../lib/api.ts";
import { resetWelcomeImage, saveWelcomeImage, type TextLocale, textKeys } from "../api/texts-api.ts";
import { useTextsT } from "../i18n.ts";

/**
 * The picture above the main menu, per bot and language, beside the welcome text: an http(s)
 * address or a Telegram file_id. The server checks it; its 400 shows under the field.
 */
export function WelcomeImageField({
  botId,
  locale,
  current,
  canEdit,
}: {
  botId: string;
  locale: TextLocale;
  current: string | null;
  canEdit: boolean;
}) {
  const t = useTextsT();
  const queryClient = useQueryClient();
  const [photo, setPhoto] = useState(current ?? "");
  const [error, setError] = useState<string | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: textKeys.list(botId) });
  const save = useMutation({
    mutationFn: saveWelcomeImage,
    onSuccess: async () => {
      setError(undefined);
      toast.success(t("image.saved"));
      await refresh();
    },
    onError: (e) => setError(isApiError(e) ? e.message : String(e)),
  });
  const reset = useMutation({
    mutationFn: resetWelcomeImage,
    onSuccess: async () => {
      setPhoto("");
      setError(undefined);
      toast.success(t("image.removed"));
      await refresh();
    },
  });
  return (
    // Not a <form>: it sits inside the text's form, and a nested form would submit that one.
    <div className="grid gap-2 rounded-md border p-3">
      <FormField label={t("image.label")} hint={t("image.hint")} error={error}>
        {(p) => (
          <Input
            {...p}
            value={photo}
            onChange={(e) => setPhoto(e.target.value)}
            readOnly={!canEdit}
            placeholder="https://…/welcome.jpg"
          />
        )}
      </FormField>
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={save.isPending}
            onClick={() => save.mutate({ botId, locale, photo })}
          >
            <ImageIcon aria-hidden />
            {t("image.save")}
          </Button>
          {current !== null ? (
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={reset.isPending}
              onClick={() => reset.mutate({ botId, locale })}
            >
              <Trash2Icon aria-hidden />
              {t("image.remove")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
