import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import { Skeleton } from "@lumen/ui/components/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@lumen/ui/components/tabs";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { botTextsQueryOptions, type TextLocale, textBotsQueryOptions } from "./api/texts-api.ts";
import { TextEditor } from "./components/text-editor.tsx";
import { TextList } from "./components/text-list.tsx";
import { useTextsT } from "./i18n.ts";
import type { TextsSearch } from "./search.ts";

const route = getRouteApi("/_authed/texts/");

/** The bot texts editor: pick a bot and a language, find a text, reword it, see it as Telegram shows it. */
export function TextsPage() {
  const t = useTextsT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const bots = useQuery(textBotsQueryOptions());
  const botList = bots.data?.items ?? [];
  const bot = botList.find((b) => b.id === search.bot_id) ?? botList[0];
  const texts = useQuery({ ...botTextsQueryOptions(bot?.id ?? ""), enabled: bot !== undefined });
  const locale: TextLocale = search.lang ?? "en";
  const change = (patch: Partial<TextsSearch>) =>
    void navigate({ to: "/texts", search: { ...search, ...patch } as never, replace: true });
  const entry = texts.data?.screens.flatMap((s) => s.entries).find((e) => e.key === search.key);

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {botList.length > 1 && bot ? (
              <Select value={bot.id} onValueChange={(bot_id) => change({ bot_id })}>
                <SelectTrigger className="h-8 w-48" aria-label={t("bot")}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {botList.map((b) => (
                    <SelectItem key={b.id} value={b.id}>
                      {b.name} (@{b.username})
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            ) : null}
            <Tabs value={locale} onValueChange={(lang) => change({ lang: lang as TextLocale })}>
              <TabsList aria-label={t("language")}>
                <TabsTrigger value="en">{t("languages.en")}</TabsTrigger>
                <TabsTrigger value="ru">{t("languages.ru")}</TabsTrigger>
              </TabsList>
            </Tabs>
          </>
        }
      />
      {bots.isSuccess && botList.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noBots")}</p>
      ) : null}
      {bots.isPending || texts.isPending ? (
        bots.isSuccess && botList.length === 0 ? null : (
          <Skeleton className="h-96 w-full" />
        )
      ) : null}
      {texts.data && bot ? (
        <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
          <aside className="lg:max-h-[calc(100dvh-12rem)] lg:overflow-y-auto lg:pr-2">
            <TextList
              texts={texts.data}
              locale={locale}
              q={search.q ?? ""}
              selected={search.key}
              onSearch={(q) => change({ q: q || undefined })}
              onSelect={(key) => change({ key })}
            />
          </aside>
          <section className="min-w-0">
            {entry ? (
              <TextEditor
                key={`${bot.id}:${entry.key}:${locale}`}
                botId={bot.id}
                botName={bot.name}
                locale={locale}
                entry={entry}
                canEdit={can(me, "admin")}
                welcomeImage={texts.data.welcome_images[locale] ?? null}
              />
            ) : (
              <p className="rounded-md border border-dashed p-8 text-center text-sm text-muted-foreground">
                {t("pickOne")}
              </p>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
