import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { toast } from "@lumen/ui/components/sonner";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeftIcon } from "lucide-react";
import { useState } from "react";
import { DateCell, formatDate, MoneyCell } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { useBlockUser, userLedgerQueryOptions, userOverviewQueryOptions } from "./api/users.ts";
import { AdjustCreditsDialog } from "./components/adjust-credits-dialog.tsx";
import { SendMessageDialog } from "./components/send-message-dialog.tsx";
import { displayName } from "./components/user-columns.tsx";
import { useUsersT } from "./i18n.ts";

const route = getRouteApi("/_authed/users/$id");

/** Why a balance moved, as the ledger stores it; an unknown reason is shown as stored. */
const ledgerReasons = [
  "trial",
  "purchase",
  "bonus",
  "spend",
  "refund",
  "admin_adjustment",
  "expiry",
  "reversal",
] as const;
const isLedgerReason = (reason: string): reason is (typeof ledgerReasons)[number] =>
  (ledgerReasons as readonly string[]).includes(reason);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate text-right">{children}</dd>
    </div>
  );
}

function Ledger({ userId }: { userId: string }) {
  const t = useUsersT();
  const [beforeId, setBeforeId] = useState<number | undefined>(undefined);
  const ledger = useQuery(userLedgerQueryOptions(userId, beforeId));
  const items = ledger.data?.items ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("detail.ledger")}</CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 && !ledger.isLoading ? (
          <p className="text-sm text-muted-foreground">{t("detail.noLedger")}</p>
        ) : (
          <ul className="divide-y text-sm" aria-label={t("detail.ledger")}>
            {items.map((entry) => (
              <li key={entry.id} className="flex items-center justify-between gap-3 py-2" data-ledger-entry>
                <div className="min-w-0">
                  <div className="font-medium">
                    {isLedgerReason(entry.reason) ? t(`detail.reasons.${entry.reason}`) : entry.reason}
                  </div>
                  <div className="truncate text-xs text-muted-foreground">{entry.note ?? ""}</div>
                </div>
                <div className="text-right tabular-nums">
                  <div className={entry.delta < 0 ? "text-destructive" : "text-emerald-600"}>
                    {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
                  </div>
                  <div className="text-xs text-muted-foreground">
                    = {entry.balance_after} · <DateCell value={entry.created_at} />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
        {ledger.data?.next_before_id ? (
          <Button
            variant="outline"
            size="sm"
            className="mt-3"
            onClick={() => setBeforeId(ledger.data?.next_before_id ?? undefined)}
          >
            {t("detail.more")}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** One user's page: profile, credits and ledger, plans, referrals, and the actions an operator takes. */
export function UserPage() {
  const t = useUsersT();
  const { id } = route.useParams();
  const me = useMe();
  const overview = useQuery(userOverviewQueryOptions(id));
  const block = useBlockUser(id);
  const [dialog, setDialog] = useState<"adjust" | "block" | "message" | null>(null);
  if (!overview.data) return null;
  const { user, trial, subscriptions, partner, referred_by, orders } = overview.data;
  const name = displayName(user);
  const isAdmin = can(me, "admin");
  return (
    <div className="space-y-6">
      <Link
        to="/users"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon className="size-4" /> {t("detail.back")}
      </Link>
      <PageHeader
        title={name}
        description={
          user.blocked_at ? t("detail.blockedSince", { date: formatDate(user.blocked_at) }) : undefined
        }
        actions={
          <>
            {isAdmin ? <Button onClick={() => setDialog("adjust")}>{t("actions.adjust")}</Button> : null}
            {!user.is_banned ? (
              <Button variant="outline" onClick={() => setDialog("message")}>
                {t("actions.message")}
              </Button>
            ) : null}
            {isAdmin ? (
              <Button variant={user.is_banned ? "outline" : "destructive"} onClick={() => setDialog("block")}>
                {user.is_banned ? t("actions.unblock") : t("actions.block")}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.profile")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Row label={t("detail.telegramId")}>{user.telegram_id}</Row>
              <Row label={t("detail.username")}>{user.username ? `@${user.username}` : "—"}</Row>
              <Row label={t("detail.language")}>{user.locale ?? user.language_code ?? "—"}</Row>
              <Row label={t("detail.firstSeen")}>
                <DateCell value={user.first_seen_at} />
              </Row>
              <Row label={t("detail.lastSeen")}>
                <DateCell value={user.last_seen_at} />
              </Row>
              <Row label={t("detail.referralSource")}>{user.referral_source ?? "—"}</Row>
              <Row label={t("detail.referredBy")}>
                {referred_by ? (
                  <Link to="/users/$id" params={{ id: referred_by.id }} className="underline">
                    {referred_by.first_name}
                  </Link>
                ) : (
                  "—"
                )}
              </Row>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.credits")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Row label={t("detail.balance")}>
                <span className="text-lg font-semibold tabular-nums" data-testid="balance">
                  {user.balance}
                </span>
              </Row>
              <Row label={t("detail.trial")}>
                {trial
                  ? t("detail.trialLeft", { left: trial.messages_left, granted: trial.messages_granted })
                  : t("detail.noTrial")}
              </Row>
              <Row label={t("detail.orders")}>
                {t("detail.ordersSummary", { paid: orders.paid, refunded: orders.refunded })}
              </Row>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.plans")}</CardTitle>
            {subscriptions.length > 0 ? (
              <CardAction>
                <Link
                  to="/subscriptions"
                  search={{ user_id: user.id }}
                  className="text-sm underline-offset-4 hover:underline"
                >
                  {t("detail.managePlans")}
                </Link>
              </CardAction>
            ) : null}
          </CardHeader>
          <CardContent>
            {subscriptions.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("detail.noPlans")}</p>
            ) : (
              <ul className="divide-y text-sm">
                {subscriptions.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="font-medium">{s.title}</span>
                    <span className="flex items-center gap-2 text-muted-foreground">
                      <Badge variant={s.status === "active" ? "success" : "secondary"}>{s.status}</Badge>
                      {t("detail.endsAt", { date: formatDate(s.ends_at) })}
                      {s.renews ? <Badge variant="secondary">{t("detail.renews")}</Badge> : null}
                      {s.channel_ids.length ? t("detail.chats", { count: s.channel_ids.length }) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.partner")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            {partner.code ? (
              <>
                <p>
                  {t("detail.partnerCode", {
                    code: partner.code,
                    clicks: partner.clicks,
                    signups: partner.signups,
                    payers: partner.paying_users,
                  })}
                </p>
                {partner.money.map((m) => (
                  <p key={m.currency} className="text-muted-foreground">
                    <MoneyCell amount={m.revenue} currency={m.currency} /> ·{" "}
                    <MoneyCell amount={m.due} currency={m.currency} />
                  </p>
                ))}
              </>
            ) : (
              <p className="text-muted-foreground">{t("detail.notPartner")}</p>
            )}
          </CardContent>
        </Card>
      </div>
      <Ledger userId={id} />
      <AdjustCreditsDialog
        userId={id}
        open={dialog === "adjust"}
        onOpenChange={(o) => setDialog(o ? "adjust" : null)}
      />
      <SendMessageDialog
        userId={id}
        name={name}
        open={dialog === "message"}
        onOpenChange={(o) => setDialog(o ? "message" : null)}
      />
      <ConfirmDialog
        open={dialog === "block"}
        onOpenChange={(o) => setDialog(o ? "block" : null)}
        title={user.is_banned ? t("block.unblockTitle", { name }) : t("block.title", { name })}
        description={user.is_banned ? t("block.unblockDescription") : t("block.description")}
        destructive={!user.is_banned}
        pending={block.isPending}
        onConfirm={async () => {
          await block.mutateAsync({ blocked: !user.is_banned });
          toast.success(user.is_banned ? t("block.undone") : t("block.done"));
        }}
      />
    </div>
  );
}
