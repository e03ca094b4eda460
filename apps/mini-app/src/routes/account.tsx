import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { accountQuery } from "../features/store/api.ts";
import { formatDate } from "../lib/format.ts";
import { t } from "../lib/i18n.ts";

export const Route = createFileRoute("/account")({
  component: AccountPage,
});

/** The buyer's balance and plans with their end dates. */
function AccountPage() {
  const account = useQuery(accountQuery);
  if (account.isPending) return <LoadingCards count={2} />;
  if (account.isError) return <LoadError error={account.error} retry={() => void account.refetch()} />;
  const { balance, plans } = account.data;
  return (
    <>
      <h2 className="px-1 pt-1 text-xs font-medium uppercase text-section-header">{t("account.balance")}</h2>
      <section className="rounded-xl bg-card p-4">
        <p className="text-2xl font-semibold" data-testid="balance">
          {t("account.credits", { count: balance })}
        </p>
      </section>
      <h2 className="px-1 pt-2 text-xs font-medium uppercase text-section-header">{t("account.plans")}</h2>
      <section className="rounded-xl bg-card">
        {plans.length === 0 ? (
          <p className="p-4 text-sm text-muted-foreground">{t("account.noPlans")}</p>
        ) : (
          <ul className="divide-y">
            {plans.map((plan) => (
              <li key={plan.id} className="flex items-baseline justify-between gap-3 p-4">
                <span className="font-medium">{plan.plan_code}</span>
                <span className="text-sm text-muted-foreground">
                  {t("account.until", { date: formatDate(plan.ends_at) })}
                  {plan.renews ? ` · ${t("account.renews")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
