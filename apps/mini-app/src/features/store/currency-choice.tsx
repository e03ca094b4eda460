import { type Currency, formatPrice } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";

type Props = {
  prices: ReadonlyArray<{ currency: Currency; amount: number }>;
  value: Currency;
  onChange: (currency: Currency) => void;
};

/** Stars or roubles, for a product priced in both: a native radio group styled as a segmented control. */
export function CurrencyChoice({ prices, value, onChange }: Props) {
  return (
    <fieldset className="flex flex-col gap-2 rounded-xl bg-card p-4">
      <legend className="float-left mb-2 text-xs font-medium uppercase text-section-header">
        {t("product.currency")}
      </legend>
      <div className="clear-both flex gap-2">
        {prices.map((p) => (
          <label
            key={p.currency}
            className="relative flex flex-1 cursor-pointer flex-col items-center rounded-lg border p-2 text-sm has-checked:border-primary has-checked:bg-primary/10 has-focus-visible:ring-2 has-focus-visible:ring-ring/50"
          >
            <input
              type="radio"
              name="currency"
              value={p.currency}
              checked={value === p.currency}
              onChange={() => onChange(p.currency)}
              className="sr-only"
            />
            <span className="font-medium">
              {p.currency === "XTR" ? t("product.stars") : t("product.roubles")}
            </span>
            <span className="text-muted-foreground">{formatPrice(p.currency, p.amount)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
