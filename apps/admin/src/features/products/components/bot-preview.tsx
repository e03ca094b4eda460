import { useProductsT } from "../i18n.ts";

/** Kopecks as the bot writes them: "199" or "199.50". */
const rubles = (kopecks: number) =>
  kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2);

/**
 * How the product looks in the bot's /buy catalog: the catalog line and one button per price, in
 * the words the bot uses (apps/server/src/bot/features/shop/catalog-screen.ts).
 */
export function BotPreview({
  title,
  prices,
}: {
  title: string;
  prices: Array<{ currency: "RUB" | "XTR"; amount: number }>;
}) {
  const t = useProductsT();
  const stars = prices.find((p) => p.currency === "XTR" && p.amount > 0)?.amount;
  const rub = prices.find((p) => p.currency === "RUB" && p.amount > 0)?.amount;
  const buttons = [
    ...(stars !== undefined ? [t("preview.stars", { title, amount: stars })] : []),
    ...(rub !== undefined ? [t("preview.rub", { title, amount: rubles(rub) })] : []),
  ];
  return (
    <section
      aria-label={t("preview.title")}
      className="grid content-start gap-2 self-start"
      data-testid="bot-preview"
    >
      <h3 className="text-sm font-medium">{t("preview.title")}</h3>
      <div className="rounded-2xl bg-[#e6ebee] p-3 dark:bg-[#0e1621]">
        {title.trim() && buttons.length ? (
          <div className="max-w-72 space-y-1">
            <p className="w-fit rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-black shadow-xs dark:bg-[#182533] dark:text-white">
              {t("preview.catalog")}
            </p>
            {buttons.map((label) => (
              <div
                key={label}
                className="rounded-lg bg-white/70 px-3 py-1.5 text-center text-sm font-medium text-[#2481cc] dark:bg-[#2b5278]/60 dark:text-white"
              >
                {label}
              </div>
            ))}
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t("preview.empty")}</p>
        )}
      </div>
      {rub !== undefined ? <p className="text-xs text-muted-foreground">{t("preview.rubNote")}</p> : null}
    </section>
  );
}
