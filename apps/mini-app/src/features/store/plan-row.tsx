import { Button } from "@lumen/ui/components/button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatDate } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";
import { type StoreAccount, stopRenewing } from "./api.ts";

type Plan = StoreAccount["plans"][number];

/**
 * One plan with its end date; a plan Telegram renews every month can be stopped here, after a
 * second tap that says what stopping means (access stays to the end already paid), and any other
 * is renewed by buying its product again (the days add to the end).
 */
export function PlanRow({ plan }: { plan: Plan }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const until = formatDate(plan.ends_at);
  const stop = useMutation({
    mutationFn: () => stopRenewing(plan.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  });
  return (
    <li className="flex flex-col gap-2 p-4" data-testid="plan">
      <div className="flex items-baseline justify-between gap-3">
        <span className="font-medium">{plan.title}</span>
        <span className="text-sm text-muted-foreground">
          {t("account.until", { date: until })}
          {plan.renews ? ` · ${t("account.renews")}` : ""}
        </span>
      </div>
      {stop.isSuccess ? (
        <p className="text-sm text-muted-foreground">{t("account.stopped", { date: until })}</p>
      ) : null}
      {plan.renews && confirming ? (
        <p className="text-sm">{t("account.confirmStop", { date: until })}</p>
      ) : null}
      {plan.renews ? (
        <Button
          variant={confirming ? "destructive" : "secondary"}
          className="h-10 self-start rounded-xl"
          disabled={stop.isPending}
          onClick={() => (confirming ? stop.mutate() : setConfirming(true))}
        >
          {t("account.stopRenewing")}
        </Button>
      ) : plan.renew_product_id ? (
        <Button asChild variant="secondary" className="h-10 self-start rounded-xl">
          <Link to="/products/$productId" params={{ productId: plan.renew_product_id }}>
            {t("account.renew")}
          </Link>
        </Button>
      ) : null}
    </li>
  );
}
