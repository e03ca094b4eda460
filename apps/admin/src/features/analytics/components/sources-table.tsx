import type { sourcesReport } from "@lumen/contracts";
import type { z } from "zod";
import { formatMoney } from "../../../components/cells.tsx";
import { useLocale } from "../../../lib/i18n.ts";
import { useAnalyticsT } from "../i18n.ts";

type Sources = z.output<typeof sourcesReport>["items"];

/**
 * New users by the link they first came through, with how many paid and what, per currency; then
 * broadcasts (their recipients, button presses, and payments within 72 h of receiving them).
 */
export function SourcesTable({ sources }: { sources: Sources }) {
  const t = useAnalyticsT();
  const locale = useLocale();
  if (sources.length === 0) return <p className="text-sm text-muted-foreground">{t("sources.empty")}</p>;
  return (
    <table className="w-full text-sm" aria-label={t("sources.title")}>
      <thead className="text-muted-foreground">
        <tr>
          <th className="text-left font-normal">{t("sources.source")}</th>
          <th className="text-left font-normal">{t("sources.kind")}</th>
          <th className="text-right font-normal">{t("sources.users")}</th>
          <th className="text-right font-normal">{t("sources.paying")}</th>
          <th className="text-right font-normal">{t("sources.revenue")}</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {sources.map((s) => (
          <tr key={s.source ?? "(direct)"} className="border-t">
            <td className="py-1 font-mono text-xs break-all">
              {s.kind === "broadcast" ? (
                <span className="font-sans text-sm">
                  {s.broadcast_title || s.source}
                  <span className="block text-xs text-muted-foreground">
                    {t("sources.clicks", { count: s.clicks ?? 0 })}
                  </span>
                </span>
              ) : (
                (s.source ?? t("sources.direct"))
              )}
            </td>
            <td>{t(`sources.kinds.${s.kind}`)}</td>
            <td className="text-right">{s.users}</td>
            <td className="text-right">{s.paying_users}</td>
            <td className="text-right">
              {s.revenue.map((r) => formatMoney(r.amount, r.currency, locale)).join(" · ") || "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
