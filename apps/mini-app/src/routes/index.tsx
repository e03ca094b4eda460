import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { catalogQuery } from "../features/store/api.ts";
import { ProductCard } from "../features/store/product-card.tsx";
import { t } from "../lib/i18n.ts";

export const Route = createFileRoute("/")({
  component: CatalogPage,
});

function CatalogPage() {
  const catalog = useQuery(catalogQuery);
  if (catalog.isPending) return <LoadingCards />;
  if (catalog.isError) return <LoadError error={catalog.error} retry={() => void catalog.refetch()} />;
  if (catalog.data.length === 0) {
    return <p className="py-12 text-center text-sm text-muted-foreground">{t("catalog.empty")}</p>;
  }
  return (
    <ul className="flex flex-col gap-3">
      {catalog.data.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
