import { createFileRoute } from "@tanstack/react-router";
import { productListQueryOptions } from "../../../features/products/api/products-api.ts";
import { ProductsPage } from "../../../features/products/products-page.tsx";
import { productsSearch } from "../../../features/products/search.ts";

export const Route = createFileRoute("/_authed/products/")({
  validateSearch: productsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(productListQueryOptions(deps)),
  component: ProductsPage,
});
