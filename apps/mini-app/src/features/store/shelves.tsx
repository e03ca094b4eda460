import { t } from "../../lib/i18n.ts";
import type { StoreProduct } from "./api.ts";

/** The catalog's categories in the operator's order (the first product of each decides), "other" last. */
export function shelvesOf(products: StoreProduct[]): Array<string | null> {
  const named = [...new Set(products.map((p) => p.category).filter((c): c is string => !!c))];
  return products.some((p) => !p.category) ? [...named, null] : named;
}

const chip = "shrink-0 rounded-full px-3.5 py-1.5 text-sm font-medium transition-colors";

/**
 * Category chips over the catalog: "All", then each shelf. Shown only when the operator sorted
 * products into more than one shelf; a single shelf is just the catalog.
 */
export function ShelfChips({
  shelves,
  current,
  onPick,
}: {
  shelves: Array<string | null>;
  current: string | null | undefined;
  onPick: (shelf: string | null | undefined) => void;
}) {
  const options: Array<[string | null | undefined, string]> = [
    [undefined, t("catalog.all")],
    ...shelves.map((s): [string | null, string] => [s, s ?? t("catalog.other")]),
  ];
  return (
    <nav aria-label={t("catalog.shelves")} className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1">
      {options.map(([shelf, label]) => (
        <button
          key={label}
          type="button"
          aria-pressed={shelf === current}
          className={
            shelf === current
              ? `${chip} bg-primary text-primary-foreground`
              : `${chip} bg-card text-foreground`
          }
          onClick={() => onPick(shelf)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
