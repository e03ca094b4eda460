import { Button } from "@lumen/ui/components/button";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { orderQuery } from "../features/store/api.ts";
import { OrderReceipt } from "../features/store/order-receipt.tsx";
import { t } from "../lib/i18n.ts";
import { insideTelegram } from "../lib/telegram.ts";
import { useBackButton } from "../lib/telegram-buttons.ts";

export const Route = createFileRoute("/receipts/$orderId")({
  component: ReceiptPage,
});

/**
 * A paid or refunded order's receipt, opened from the account's order list. Outside Telegram it
 * prints (or saves as PDF) on its own: the print stylesheet leaves only the receipt on the sheet.
 */
function ReceiptPage() {
  const { orderId } = Route.useParams();
  const navigate = useNavigate();
  useBackButton(() => void navigate({ to: "/account" }));
  const order = useQuery(orderQuery(orderId));
  if (order.isPending) return <LoadingCards count={1} />;
  if (order.isError) return <LoadError error={order.error} retry={() => void order.refetch()} />;
  if (!order.data.receipt) {
    return <p className="rounded-xl bg-card p-4 text-sm text-muted-foreground">{t("receipt.notPaid")}</p>;
  }
  return (
    <>
      <OrderReceipt order={order.data} />
      {insideTelegram() ? null : (
        <div className="flex flex-col gap-2 print:hidden">
          <Button className="h-11 rounded-xl" onClick={() => window.print()}>
            {t("receipt.print")}
          </Button>
          <Button asChild variant="secondary" className="h-11 rounded-xl">
            <Link to="/account">{t("receipt.back")}</Link>
          </Button>
        </div>
      )}
    </>
  );
}
