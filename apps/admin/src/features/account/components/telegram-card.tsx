import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLinkIcon, Loader2Icon, SendIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { formatDateTime } from "../../../components/cells.tsx";
import { meQueryOptions, useMe } from "../../../lib/auth.ts";
import { startTelegramLink, type TelegramLinkCode, unlinkTelegram } from "../api/account.ts";
import { useAccountT } from "../i18n.ts";

/**
 * Links the operator's Telegram account: a code sent to a bot as `/start op_<code>`. While the code
 * is shown, `me` is re-read every few seconds, so the card turns "linked" as soon as the bot answers.
 */
export function TelegramCard() {
  const t = useAccountT();
  const me = useMe();
  const queryClient = useQueryClient();
  const [code, setCode] = useState<(TelegramLinkCode & { linkedBefore: number | null }) | null>(null);
  const watched = useQuery({ ...meQueryOptions(), refetchInterval: code ? 3000 : false, staleTime: 0 });
  const linkedId = (watched.data ?? me).telegram_user_id;

  useEffect(() => {
    if (code && linkedId !== null && linkedId !== code.linkedBefore) {
      setCode(null);
      toast.success(t("telegram.justLinked"));
    }
  }, [code, linkedId, t]);

  const start = useMutation({
    mutationFn: startTelegramLink,
    onSuccess: (started) => setCode({ ...started, linkedBefore: linkedId }),
  });
  const unlink = useMutation({
    mutationFn: unlinkTelegram,
    meta: { successMessage: t("telegram.unlinked") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("telegram.title")}</CardTitle>
        <CardDescription>{t("telegram.why")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm" data-testid="telegram-status">
          {linkedId !== null ? t("telegram.linked", { id: String(linkedId) }) : t("telegram.notLinked")}
        </p>
        {code ? (
          <LinkCode code={code} />
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => start.mutate()} disabled={start.isPending}>
              <SendIcon /> {linkedId !== null ? t("telegram.relink") : t("telegram.link")}
            </Button>
            {linkedId !== null ? (
              <Button variant="outline" onClick={() => unlink.mutate()} disabled={unlink.isPending}>
                {t("telegram.unlink")}
              </Button>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function LinkCode({ code }: { code: TelegramLinkCode & { linkedBefore: number | null } }) {
  const t = useAccountT();
  return (
    <div className="grid gap-3 rounded-lg border bg-muted/40 p-4">
      <p className="font-medium">{t("telegram.codeTitle")}</p>
      <code
        className="w-fit rounded bg-background px-2 py-1 font-mono text-sm select-all"
        data-testid="link-command"
      >
        /start op_{code.code}
      </code>
      <p className="text-sm text-muted-foreground">
        {t("telegram.codeHint", { time: formatDateTime(code.expires_at) })}
      </p>
      {code.links.length ? (
        <div className="flex flex-wrap gap-2">
          {code.links.map((link) => (
            <Button key={link.bot_username} variant="outline" size="sm" asChild>
              <a href={link.url} target="_blank" rel="noreferrer">
                <ExternalLinkIcon /> {t("telegram.open", { bot: link.bot_username })}
              </a>
            </Button>
          ))}
        </div>
      ) : (
        <p className="text-sm text-destructive">{t("telegram.noBots")}</p>
      )}
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2Icon className="size-4 animate-spin" aria-hidden /> {t("telegram.waiting")}
      </p>
    </div>
  );
}
