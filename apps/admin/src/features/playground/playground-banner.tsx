import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { FlaskConicalIcon } from "lucide-react";
import { playgroundStateQueryOptions } from "./api/playground-api.ts";
import { usePlaygroundT } from "./i18n.ts";

/** Shown on every panel page while the server runs in playground mode, so nobody mistakes it for live. */
export function PlaygroundBanner() {
  const t = usePlaygroundT();
  const { data } = useQuery(playgroundStateQueryOptions());
  if (!data) return null;
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
    >
      <FlaskConicalIcon className="size-4 shrink-0" />
      <span className="min-w-0 basis-[calc(100%-2rem)] sm:basis-0 sm:flex-1">
        {t("banner", { bot: data.bot.username })}
      </span>
      <Link to="/playground" className="font-medium underline underline-offset-2">
        {t("bannerOpen")}
      </Link>
      <Link to="/bots" className="font-medium underline underline-offset-2">
        {t("bannerConnect")}
      </Link>
    </div>
  );
}
