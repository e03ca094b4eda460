import { Button } from "@lumen/ui/components/button";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useEffect } from "react";
import { LoadError, LoadingCards } from "../components/query-state.tsx";
import { CreditHistory, OrderHistory } from "../features/store/account-history.tsx";
import { accountQuery } from "../features/store/api.ts";
import { LanguageChoice } from "../features/store/language-choice.tsx";
import { PartnerCard } from "../features/store/partner-card.tsx";
import { PlanChats } from "../features/store/plan-chats.tsx";
import { PlanRow } from "../features/store/plan-row.tsx";
import { TaskSection } from "../features/tasks/task-section.tsx";
import { currentBotId } from "../lib/api.ts";
import { chooseLocale, t } from "../lib/i18n.ts";
import { saveTokens } from "../lib/session.ts";
import { insideTelegram } from "../lib/telegram.ts";

export const Route = createFileRoute("/account")({
  component: AccountPage,
});

/**
 * Who is signed in, balance, plans (stop renewing), tasks, chats, orders, credit history, the
 * partner link and the language; Sign out in the installed app.
 */
function AccountPage() {
  const account = useQuery(accountQuery);
  // A language chosen in the bot (/language) is the buyer's choice here too.
  const chosen = account.data?.user.locale;
  useEffect(() => {
    if (chosen) chooseLocale(chosen);
  }, [chosen]);
  if (account.isPending) return <LoadingCards count={2} />;
  if (account.isError) return <LoadError error={account.error} retry={() => void account.refetch()} />;
  const { user, balance, plans } = account.data;
  return (
    <>
      <p className="px-1 pt-1 text-sm text-muted-foreground" data-testid="signed-in-as">
        {t("account.signedInAs", {
          name: user.username ? `${user.first_name} (@${user.username})` : user.first_name,
        })}
      </p>
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
              <PlanRow key={plan.id} plan={plan} />
            ))}
          </ul>
        )}
      </section>
      <TaskSection />
      <PlanChats />
      <OrderHistory />
      <CreditHistory />
      <PartnerCard />
      <LanguageChoice />
      {insideTelegram() ? null : (
        // Forgetting the tokens is enough here: the bot's /sessions revokes the session itself.
        <Button
          variant="secondary"
          className="mt-2 h-11 rounded-xl"
          onClick={() => saveTokens(currentBotId(), null)}
        >
          {t("account.signOut")}
        </Button>
      )}
    </>
  );
}
