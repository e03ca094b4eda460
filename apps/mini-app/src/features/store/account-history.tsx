import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatDate, formatPrice } from "../../lib/format.ts";
import { type MessageKey, t } from "../../lib/i18n.ts";
import { ledgerQuery, ordersQuery } from "./api.ts";

const sectionTitle = "px-1 pt-2 text-xs font-medium uppercase text-section-header";

/** The buyer's orders, newest first: a paid or refunded one opens its receipt, any other its own page. */
export function OrderHistory() {
  const orders = useQuery(ordersQuery);
  if (!orders.data) return null;
  return (
    <>
      <h2 className={sectionTitle}>{t("account.orders")}</h2>
      <section className="rounded-xl bg-card" data-testid="orders">
        {orders.data.length === 0 ? (
          <p className="p-4 text-sm text-muted-foreground">{t("account.noOrders")}</p>
        ) : (
          <ul className="divide-y">
            {orders.data.map((order) => (
              <li key={order.id}>
                <Link
                  // A settled order opens its receipt; one still open, its page (pay, follow).
                  to={
                    order.status === "paid" || order.status === "refunded"
                      ? "/receipts/$orderId"
                      : "/orders/$orderId"
                  }
                  params={{ orderId: order.id }}
                  className="flex items-baseline justify-between gap-3 p-4"
                >
                  <span className="min-w-0 truncate font-medium">{order.title}</span>
                  <span className="shrink-0 text-sm text-muted-foreground">
                    {formatPrice(order.currency, order.amount)} ·{" "}
                    {t(`account.statuses.${order.status}` as MessageKey)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Where the credits came from and went: each movement with the balance after it. */
export function CreditHistory() {
  const ledger = useQuery(ledgerQuery);
  if (!ledger.data) return null;
  return (
    <>
      <h2 className={sectionTitle}>{t("account.history")}</h2>
      <section className="rounded-xl bg-card" data-testid="credit-history">
        {ledger.data.items.length === 0 ? (
          <p className="p-4 text-sm text-muted-foreground">{t("account.noHistory")}</p>
        ) : (
          <ul className="divide-y">
            {ledger.data.items.map((entry) => (
              <li key={entry.id} className="flex items-baseline justify-between gap-3 p-4">
                <span className="min-w-0">
                  <span className="block font-medium">
                    {t(`account.reasons.${entry.reason}` as MessageKey)}
                  </span>
                  <span className="text-xs text-muted-foreground">{formatDate(entry.created_at)}</span>
                </span>
                <span className={entry.delta > 0 ? "font-semibold text-green-600" : "font-semibold"}>
                  {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
