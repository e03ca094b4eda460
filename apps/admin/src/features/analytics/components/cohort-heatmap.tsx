import type { cohortReport } from "@lumen/contracts";
import type { z } from "zod";
import { useAnalyticsT } from "../i18n.ts";

type Cohorts = z.output<typeof cohortReport>["items"];

/** Cohorts as rows, weeks since the first start as columns; a cell's shade is the share still active. */
export function CohortHeatmap({ cohorts }: { cohorts: Cohorts }) {
  const t = useAnalyticsT();
  if (cohorts.length === 0) return <p className="text-sm text-muted-foreground">{t("cohorts.empty")}</p>;
  const width = Math.max(...cohorts.map((c) => c.active.length));
  return (
    <div className="overflow-x-auto">
      <p className="mb-2 text-xs text-muted-foreground">{t("cohorts.hint")}</p>
      <table className="text-sm tabular-nums" aria-label={t("cohorts.title")}>
        <thead className="text-muted-foreground">
          <tr>
            <th className="pr-3 text-left font-normal">{t("cohorts.week")}</th>
            <th className="pr-3 text-right font-normal">{t("cohorts.users")}</th>
            {Array.from({ length: width }, (_, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the week offset is the column's identity
              <th key={k} className="px-1 text-center font-normal">
                {t("cohorts.offset", { k })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.week}>
              <td className="pr-3 whitespace-nowrap">{c.week}</td>
              <td className="pr-3 text-right">{c.users}</td>
              {Array.from({ length: width }, (_, k) => {
                const active = c.active[k];
                // biome-ignore lint/suspicious/noArrayIndexKey: the week offset is the cell's identity
                if (active === undefined) return <td key={k} />;
                const share = c.users > 0 ? active / c.users : 0;
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the week offset is the cell's identity
                    key={k}
                    className="px-1 py-0.5 text-center"
                    title={`${Math.round(share * 100)}%`}
                  >
                    <span
                      className="block min-w-14 rounded px-1 py-1"
                      style={{
                        backgroundColor: `color-mix(in oklch, var(--primary) ${Math.round(share * 85)}%, transparent)`,
                      }}
                    >
                      {active}
                      {c.paying[k] ? <span className="text-xs"> ({c.paying[k]})</span> : null}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
