import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { productQuery, type StoreProduct } from "../features/store/api.ts";
import { CurrencyChoice } from "../features/store/currency-choice.tsx";
import { productGives } from "../features/store/product-facts.ts";
import { useCheckout } from "../features/store/use-checkout.ts";
import { track } from "../lib/events.ts";
import { type Currency, formatPrice } from "../lib/format.ts";
import { t } from "../lib/i18n.ts";
import { useBackButton, useMainButton } from "../lib/telegram-buttons.ts";

export const Route = createFileRoute("/products/$productId")({
  component: ProductPage,
});

function ProductPage() {
  const { productId } = Route.useParams();
  const navigate = useNavigate();
  useBackButton(() => void navigate({ to: "/" }));
  const product = useQuery(productQuery(productId));
  if (product.isPending) return <LoadingCards count={1} />;
  if (product.isError) return <LoadError error={product.error} retry={() => void product.refetch()} />;
  return <ProductDetails product={product.data} />;
}

function ProductDetails({ product }: { product: StoreProduct }) {
  const [currency, setCurrency] = useState<Currency>(product.prices[0]?.currency ?? "XTR");
  const [promoCode, setPromoCode] = useState("");
  const promoId = useId();
  const { pay, paying, notice, promoError } = useCheckout();
  const price = product.prices.find((p) => p.currency === currency);
  useEffect(() => track({ type: "product_viewed", product_id: product.id }), [product.id]);
  const payText = price ? t("product.pay", { price: formatPrice(price.currency, price.amount) }) : "…";
  const onPay = () => pay({ productId: product.id, currency, promoCode });
  const inTelegram = useMainButton({ text: payText, enabled: !!price, loading: paying, onClick: onPay });
  const gives = productGives(product);

  return (
    <article className="flex flex-col gap-3">
      <section className="overflow-hidden rounded-xl bg-card">
        {product.image_url ? (
          <img src={product.image_url} alt="" className="aspect-video w-full bg-muted object-cover" />
        ) : null}
        <div className="flex flex-col gap-2 p-4">
          <h1 className="text-xl font-semibold">{product.title}</h1>
          {product.description ? (
            <p className="whitespace-pre-line text-sm text-muted-foreground">{product.description}</p>
          ) : null}
          <ul className="flex flex-col gap-1 text-sm">
            {gives ? <li>• {gives}</li> : null}
            {product.messages_per_period ? (
              <li>• {t("product.questions", { count: product.messages_per_period })}</li>
            ) : null}
            {product.chat_count > 0 ? <li>• {t("product.chats", { count: product.chat_count })}</li> : null}
          </ul>
          {price ? (
            <p className="pt-1 text-2xl font-semibold text-accent-text" data-testid="price">
              {formatPrice(price.currency, price.amount)}
            </p>
          ) : null}
        </div>
      </section>

      {product.prices.length > 1 ? (
        <CurrencyChoice prices={product.prices} value={currency} onChange={setCurrency} />
      ) : null}

      <section className="flex flex-col gap-2 rounded-xl bg-card p-4">
        <label htmlFor={promoId} className="text-xs font-medium uppercase text-section-header">
          {t("product.promo")}
        </label>
        <Input
          id={promoId}
          value={promoCode}
          onChange={(e) => setPromoCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={32}
          aria-invalid={!!promoError}
        />
        <p className={promoError ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
          {promoError ?? t("product.promoHint")}
        </p>
      </section>

      {inTelegram ? null : (
        <Button size="lg" className="h-12 rounded-xl text-base" disabled={!price || paying} onClick={onPay}>
          {payText}
        </Button>
      )}

      {paying ? <p className="text-center text-sm text-muted-foreground">{t("product.paying")}</p> : null}
      {notice ? (
        <p role="status" className="rounded-xl bg-card p-3 text-center text-sm">
          {notice}
        </p>
      ) : null}
    </article>
  );
}
