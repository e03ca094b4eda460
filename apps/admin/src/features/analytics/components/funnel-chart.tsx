import type { funnelReport } from "@lumen/contracts";
import type { z } from "zod";
import { useAnalyticsT } from "../i18n.ts";

type Funnel = z.output<typeof funnelReport>;
const steps = ["started", "viewed", "checkout", "paid"] as const;

/** The four steps as bars sized against the first, each with its share of the step before. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const t = useAnalyticsT();
  const top = Math.max(1, ...steps.map((s) => funnel.steps[s]));
  return (
    <div className="space-y-4">
      <ol className="space-y-2" aria-label={t("funnel.title")}>
        {steps.map((step, i) => {
          const value = funnel.steps[step];
          const before = i > 0 ? funnel.steps[steps[i - 1] ?? "started"] : 0;
          return (
            <li key={step} className="grid grid-cols-[10rem_1fr_4rem] items-center gap-3 text-sm">
              <span>{t(`funnel.${step}`)}</span>
              <span className="h-6 rounded bg-muted">
                <span
                  className="block h-6 rounded bg-primary/80"
                  style={{ width: `${(value / top) * 100}%` }}
                />
              </span>
              <span
                className="text-right tabular-nums"
                title={
                  i > 0 && before > 0
                    ? t("funnel.ofPrevious", { percent: Math.round((value / before) * 100) })
                    : undefined
                }
              >
                {value}
              </span>
            </li>
          );
        })}
      </ol>
      {funnel.products.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("funnel.empty")}</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="mb-1 text-left font-medium">{t("funnel.products")}</caption>
          <thead className="text-muted-foreground">
            <tr>
              <th className="text-left font-normal">{t("funnel.product")}</th>
              <th className="text-right font-normal">{t("funnel.viewed")}</th>
              <th className="text-right font-normal">{t("funnel.checkout")}</th>
              <th className="text-right font-normal">{t("funnel.paid")}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {funnel.products.map((p) => (
              <tr key={p.product_id} className="border-t">
                <td className="py-1">{p.title}</td>
                <td className="text-right">{p.viewed}</td>
                <td className="text-right">{p.checkout}</td>
                <td className="text-right">{p.paid}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
