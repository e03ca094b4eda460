import { Button } from "@lumen/ui/components/button";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { orderQuery, type StoreOrder } from "../features/store/api.ts";
import { OrderReceipt } from "../features/store/order-receipt.tsx";
import { formatDate, formatPrice } from "../lib/format.ts";
import { t } from "../lib/i18n.ts";
import { vibrateSuccess } from "../lib/telegram.ts";
import { useBackButton } from "../lib/telegram-buttons.ts";

export const Route = createFileRoute("/orders/$orderId")({
  component: OrderPage,
});

/** How long the page keeps asking after a payment before it offers "Check again" instead. */
const FOLLOW_MS = 30_000;

/**
 * One order, followed live: Telegram reports a paid invoice to the bot a moment after the payment
 * sheet closes, and YooKassa when the buyer comes back from its page, so the page polls while the
 * order is pending (and re-asks when the app is shown again), then shows what the payment granted.
 */
function OrderPage() {
  const { orderId } = Route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useBackButton(() => void navigate({ to: "/" }));
  const [since, setSince] = useState(() => Date.now());
  const order = useQuery({
    ...orderQuery(orderId),
    refetchOnWindowFocus: true,
    refetchInterval: (query) =>
      query.state.data?.status === "pending" && Date.now() - since < FOLLOW_MS ? 1000 : false,
  });
  const status = order.data?.status;
  useEffect(() => {
    if (status !== "paid") return;
    vibrateSuccess();
    void queryClient.invalidateQueries({ queryKey: ["me"] });
  }, [status, queryClient]);

  if (order.isPending) return <LoadingCards count={1} />;
  if (order.isError) return <LoadError error={order.error} retry={() => void order.refetch()} />;
  const following = Date.now() - since < FOLLOW_MS;
  return (
    <>
      <section className="flex flex-col items-center gap-3 rounded-xl bg-card p-6 text-center">
        <OrderStatus
          order={order.data}
          following={following}
          checkAgain={() => {
            setSince(Date.now());
            void order.refetch();
          }}
        />
        <Button
          asChild
          variant={order.data.status === "paid" ? "default" : "secondary"}
          className="mt-2 w-full"
        >
          <Link to="/">{t("order.backToStore")}</Link>
        </Button>
      </section>
      <OrderReceipt order={order.data} />
    </>
  );
}

type StatusProps = { order: StoreOrder; following: boolean; checkAgain: () => void };

function OrderStatus({ order, following, checkAgain }: StatusProps) {
  const heading = (
    <p className="text-sm text-muted-foreground">
      {order.title} · {formatPrice(order.currency, order.amount)}
    </p>
  );
  if (order.status === "paid") {
    return (
      <div className="flex flex-col items-center gap-2" data-testid="order-paid">
        <div aria-hidden className="text-5xl">
          🎉
        </div>
        <h1 className="text-xl font-semibold">{t("order.paid")}</h1>
        {heading}
        {order.granted?.balance !== null && order.granted?.balance !== undefined ? (
          <p className="font-medium">{t("order.balance", { count: order.granted.balance })}</p>
        ) : null}
        {order.granted?.plan_ends_at ? (
          <p className="font-medium">
            {t("order.planEnds", { date: formatDate(order.granted.plan_ends_at) })}
          </p>
        ) : null}
      </div>
    );
  }
  if (order.status === "pending") {
    return (
      <div className="flex flex-col items-center gap-2" aria-live="polite">
        <div aria-hidden className={following ? "text-5xl motion-safe:animate-pulse" : "text-5xl"}>
          ⏳
        </div>
        <h1 className="text-lg font-semibold">{following ? t("order.waiting") : t("order.stillWaiting")}</h1>
        {heading}
        {following ? (
          <p className="text-sm text-muted-foreground">{t("order.waitingHint")}</p>
        ) : (
          <Button variant="secondary" onClick={checkAgain}>
            {t("order.checkAgain")}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-col items-center gap-2">
      <h1 className="text-lg font-semibold">{t(`order.${order.status}`)}</h1>
      {heading}
    </div>
  );
}
