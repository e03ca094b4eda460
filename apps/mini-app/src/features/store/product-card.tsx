import { Link } from "@tanstack/react-router";
import type { StoreProduct } from "./api.ts";
import { productGives, productPrices } from "./product-facts.ts";

/** A catalog row: image when the product has one, title, what it gives, its prices. */
export function ProductCard({ product }: { product: StoreProduct }) {
  const gives = productGives(product);
  return (
    <Link
      to="/products/$productId"
      params={{ productId: product.id }}
      className="flex gap-3 overflow-hidden rounded-xl bg-card p-3 text-card-foreground active:opacity-80"
      data-testid="product-card"
    >
      {product.image_url ? (
        <img
          src={product.image_url}
          alt=""
          loading="lazy"
          className="size-20 shrink-0 rounded-lg bg-muted object-cover"
        />
      ) : (
        <div
          aria-hidden
          className="flex size-20 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-3xl"
        >
          {product.kind === "plan" ? "📅" : product.kind === "credits" ? "✨" : "📦"}
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <h2 className="truncate font-semibold">{product.title}</h2>
        {product.description ? (
          <p className="line-clamp-2 text-sm text-muted-foreground">{product.description}</p>
        ) : null}
        <div className="mt-auto flex items-baseline justify-between gap-2 text-sm">
          <span className="text-muted-foreground">{gives}</span>
          <span className="shrink-0 font-semibold text-accent-text">{productPrices(product)}</span>
        </div>
      </div>
    </Link>
  );
}
