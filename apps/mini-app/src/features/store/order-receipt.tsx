import { formatDateTime, formatPrice } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";
import type { StoreOrder } from "./api.ts";

type Receipt = NonNullable<StoreOrder["receipt"]>;

/**
 * The store's receipt of a paid or refunded order: what the buyer quotes to the seller or support,
 * or prints. Amounts come in minor units (kopecks, whole Stars) and dates in the buyer's language.
 */
export function OrderReceipt({ order }: { order: StoreOrder }) {
  const receipt = order.receipt;
  if (!receipt) return null;
  const rows: Array<[string, string]> = [[t("receipt.order"), order.id.slice(0, 8).toUpperCase()]];
  if (receipt.seller) rows.push([t("receipt.seller"), receipt.seller]);
  rows.push([t("receipt.item"), order.title], [t("receipt.bought"), describeItem(receipt.item)]);
  if (receipt.list_amount !== null) {
    rows.push([t("receipt.price"), formatPrice(order.currency, receipt.list_amount)]);
    if (receipt.promo_code) rows.push([t("receipt.promo"), receipt.promo_code]);
  }
  rows.push(
    [t("receipt.total"), formatPrice(order.currency, order.amount)],
    [t("receipt.paidWith"), t(`receipt.providers.${order.provider}`)],
    [t("receipt.paidAt"), formatDateTime(receipt.paid_at)],
    [t("receipt.paymentId"), receipt.payment_id],
    [
      t("receipt.status"),
      t(order.status === "refunded" ? "account.statuses.refunded" : "account.statuses.paid"),
    ],
  );
  if (receipt.refunded_at) rows.push([t("receipt.refundedAt"), formatDateTime(receipt.refunded_at)]);
  return (
    <section className="receipt w-full rounded-xl bg-card p-4 text-left" data-testid="receipt">
      <h2 className="pb-2 text-xs font-medium uppercase text-section-header">{t("receipt.title")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 text-right break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What one purchase gave: the credits, the plan's days, the course tariff (or the upgrade). */
function describeItem(item: Receipt["item"]): string {
  if (item.credits !== null) return t("receipt.credits", { count: item.credits });
  if (item.period_days !== null) return t("receipt.planDays", { days: item.period_days });
  if (item.tariff) {
    const to = t(`receipt.tariffs.${item.tariff}`);
    if (item.upgrade_from)
      return t("receipt.upgrade", { from: t(`receipt.tariffs.${item.upgrade_from}`), to });
    return t("receipt.tariff", { tariff: to });
  }
  return t("receipt.digital");
}
