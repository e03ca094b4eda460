import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError } from "../../../lib/api.ts";
import { type Bot, botKeys, updateBot } from "../api/bots.ts";
import { useBotsT } from "../i18n.ts";

type Locale = Bot["notice_locale"];

/**
 * Where this bot's sale notices go (a Telegram chat id the bot can write to; empty: the
 * installation's ADMIN_CHAT_ID) and in which language, the operators'.
 */
export function NoticeSettings({ bot }: { bot: Bot }) {
  const t = useBotsT();
  const id = useId();
  const queryClient = useQueryClient();
  const [chat, setChat] = useState(bot.notice_chat_id === null ? "" : String(bot.notice_chat_id));
  const [locale, setLocale] = useState<Locale>(bot.notice_locale);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      updateBot(bot.id, { notice_chat_id: chat.trim() ? Number(chat) : null, notice_locale: locale }),
    meta: { successMessage: t("saved") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: botKeys.all }),
    onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
  });
  const invalid = chat.trim() !== "" && !/^-?\d{1,16}$/.test(chat.trim());
  const changed =
    chat !== (bot.notice_chat_id === null ? "" : String(bot.notice_chat_id)) || locale !== bot.notice_locale;
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{t("notices")}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <Label htmlFor={`${id}-chat`}>{t("noticeChat")}</Label>
          <Input
            id={`${id}-chat`}
            className="w-48"
            inputMode="numeric"
            placeholder={t("noticeChatDefault")}
            value={chat}
            aria-invalid={invalid || !!error}
            onChange={(e) => {
              setChat(e.target.value);
              setError(null);
            }}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={`${id}-locale`}>{t("noticeLanguage")}</Label>
          <Select value={locale} onValueChange={(v) => setLocale(v as Locale)}>
            <SelectTrigger id={`${id}-locale`} className="w-32">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="en">English</SelectItem>
              <SelectItem value="ru">Русский</SelectItem>
            </SelectContent>
          </Select>
        </div>
        {changed ? (
          <Button size="sm" disabled={invalid || mutation.isPending} onClick={() => mutation.mutate()}>
            {t("saveNotices")}
          </Button>
        ) : null}
      </div>
      {invalid ? <p className="text-sm text-destructive">{t("noticeChatInvalid")}</p> : null}
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
    </fieldset>
  );
}
