import { useQuery } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { catalogQuery } from "../features/store/api.ts";
import { ProductCard } from "../features/store/product-card.tsx";
import { ShelfChips, shelvesOf } from "../features/store/shelves.tsx";
import { t } from "../lib/i18n.ts";

/** `?shelf=` keeps the chosen category in the address, so Back from a product returns to it. */
export const Route = createFileRoute("/")({
  validateSearch: (search: Record<string, unknown>): { shelf?: string } =>
    typeof search.shelf === "string" && search.shelf ? { shelf: search.shelf } : {},
  component: CatalogPage,
});

/** The shelf "other" (products without a category) travels as an empty marker in the address. */
const OTHER = "-";

function CatalogPage() {
  const catalog = useQuery(catalogQuery);
  const { shelf } = Route.useSearch();
  const navigate = useNavigate({ from: "/" });
  if (catalog.isPending) return <LoadingCards />;
  if (catalog.isError) return <LoadError error={catalog.error} retry={() => void catalog.refetch()} />;
  if (catalog.data.length === 0) {
    return <p className="py-12 text-center text-sm text-muted-foreground">{t("catalog.empty")}</p>;
  }
  const shelves = shelvesOf(catalog.data);
  const current = shelf === undefined ? undefined : shelf === OTHER ? null : shelf;
  const shown =
    current === undefined ? catalog.data : catalog.data.filter((p) => (p.category ?? null) === current);
  return (
    <>
      {shelves.length > 1 ? (
        <ShelfChips
          shelves={shelves}
          current={current}
          onPick={(next) =>
            void navigate({ search: next === undefined ? {} : { shelf: next ?? OTHER }, replace: true })
          }
        />
      ) : null}
      <ul className="flex flex-col gap-3">
        {shown.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} />
          </li>
        ))}
      </ul>
    </>
  );
}
