import { Button } from "@lumen/ui/components/button";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { toast } from "@lumen/ui/components/sonner";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeftIcon } from "lucide-react";
import { useState } from "react";
import { DateCell, formatDateTime, IdCell, MoneyCell, StatusBadge } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { orderDetailsQueryOptions, useRefundOrder } from "./api/orders.ts";
import { statusTone } from "./components/order-columns.tsx";
import { ResolveFlagDialog } from "./components/resolve-flag-dialog.tsx";
import { useOrdersT } from "./i18n.ts";

const route = getRouteApi("/_authed/orders/$id");

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate text-right">{children}</dd>
    </div>
  );
}

/** One order as an operator investigates it: buyer, payments, raw provider events, flag, refund. */
export function OrderPage() {
  const t = useOrdersT();
  const { id } = route.useParams();
  const me = useMe();
  const details = useQuery(orderDetailsQueryOptions(id));
  const refund = useRefundOrder(id);
  const [dialog, setDialog] = useState<"refund" | "resolve" | null>(null);
  if (!details.data) return null;
  const { order, payments, events, flag_resolution } = details.data;
  const isAdmin = can(me, "admin");
  return (
    <div className="space-y-6">
      <Link
        to="/orders"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon className="size-4" /> {t("detail.back")}
      </Link>
      <PageHeader
        title={order.title}
        description={<MoneyCell amount={order.amount} currency={order.currency} />}
        actions={
          <>
            {isAdmin && order.flagged && !flag_resolution ? (
              <Button variant="outline" onClick={() => setDialog("resolve")}>
                {t("resolve.action")}
              </Button>
            ) : null}
            {isAdmin && order.status === "paid" ? (
              <Button variant="destructive" onClick={() => setDialog("refund")}>
                {t("refund.action")}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.order")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Row label={t("detail.status")}>
                <StatusBadge label={t(`statuses.${order.status}`)} tone={statusTone(order.status)} />
              </Row>
              <Row label={t("detail.buyer")}>
                <Link to="/users/$id" params={{ id: order.user_id }} className="underline">
                  {order.user.username ? `@${order.user.username}` : order.user.first_name}
                </Link>
              </Row>
              <Row label={t("detail.provider")}>{order.provider}</Row>
              <Row label={t("detail.promo")}>{order.promo_code ?? "—"}</Row>
              <Row label={t("detail.created")}>
                <DateCell value={order.created_at} />
              </Row>
              <Row label={t("detail.paid")}>
                <DateCell value={order.paid_at} />
              </Row>
              <Row label={t("detail.refunded")}>
                <DateCell value={order.refunded_at} />
              </Row>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.payments")}</CardTitle>
          </CardHeader>
          <CardContent>
            {payments.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("detail.noPayments")}</p>
            ) : (
              <ul className="divide-y text-sm">
                {payments.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <IdCell value={p.provider_payment_id} />
                    <span className="flex items-center gap-2">
                      <MoneyCell amount={p.amount} currency={p.currency} />
                      <StatusBadge
                        label={t(`paymentStatuses.${p.status}`)}
                        tone={p.status === "succeeded" ? "success" : "destructive"}
                      />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {order.flagged ? (
              <div className="mt-4 rounded-md border border-destructive/40 p-3 text-sm">
                <div className="font-medium">{t("detail.flag")}</div>
                <div className="text-muted-foreground">{order.flag_reason}</div>
                {flag_resolution ? (
                  <div className="mt-1">
                    {t("detail.resolvedBy", {
                      date: formatDateTime(flag_resolution.resolved_at),
                      note: flag_resolution.note,
                    })}
                  </div>
                ) : null}
              </div>
            ) : null}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("detail.events")}</CardTitle>
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("detail.noEvents")}</p>
          ) : (
            <ul className="space-y-3">
              {events.map((e) => (
                <li key={e.id} className="text-sm">
                  <div className="flex flex-wrap gap-2">
                    <span className="font-mono">{e.event_type}</span>
                    <span className="text-muted-foreground">{e.outcome}</span>
                    <DateCell value={e.received_at} />
                  </div>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-muted p-2 text-xs">
                    {JSON.stringify(e.payload, null, 2)}
                  </pre>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <ResolveFlagDialog
        orderId={id}
        open={dialog === "resolve"}
        onOpenChange={(o) => setDialog(o ? "resolve" : null)}
      />
      <ConfirmDialog
        open={dialog === "refund"}
        onOpenChange={(o) => setDialog(o ? "refund" : null)}
        title={t("refund.title")}
        description={t("refund.description", { provider: order.provider })}
        confirmLabel={t("refund.action")}
        destructive
        pending={refund.isPending}
        onConfirm={async () => {
          await refund.mutateAsync(undefined);
          toast.success(t("refund.done"));
        }}
      />
    </div>
  );
}
