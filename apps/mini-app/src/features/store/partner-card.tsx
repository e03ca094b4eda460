import { Button } from "@lumen/ui/components/button";
import { useQuery } from "@tanstack/react-query";
import { openTelegramLink } from "@tma.js/sdk-react";
import { useState } from "react";
import { formatPrice } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";
import { insideTelegram } from "../../lib/telegram.ts";
import { partnerQuery } from "./api.ts";

/** Telegram's own share sheet inside Telegram; the system one (or the clipboard) outside. */
async function shareLink(link: string): Promise<boolean> {
  if (insideTelegram()) {
    openTelegramLink(
      `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(t("account.shareText"))}`,
    );
    return true;
  }
  if (navigator.share) {
    await navigator.share({ url: link, text: t("account.shareText") }).catch(() => undefined);
    return true;
  }
  return false;
}

/** The buyer's referral link with what it brought: the bot's /partner, in the account tab. */
export function PartnerCard() {
  const partner = useQuery(partnerQuery);
  const [copied, setCopied] = useState(false);
  if (!partner.data) return null;
  const { link, money } = partner.data;
  const copy = async () => {
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  };
  return (
    <>
      <h2 className="px-1 pt-2 text-xs font-medium uppercase text-section-header">{t("account.partner")}</h2>
      <section className="grid gap-3 rounded-xl bg-card p-4" data-testid="partner">
        <p className="text-sm text-muted-foreground">
          {t("account.partnerText", { percent: partner.data.percent, days: partner.data.hold_days })}
        </p>
        <p
          className="rounded-lg bg-muted px-3 py-2 font-mono text-xs break-all select-all"
          data-testid="partner-link"
        >
          {link}
        </p>
        <p className="text-sm" data-testid="partner-stats">
          {t("account.partnerStats", {
            clicks: partner.data.clicks,
            signups: partner.data.signups,
            payers: partner.data.paying_users,
          })}
        </p>
        {money.map((m) => (
          <p key={m.currency} className="text-sm text-muted-foreground">
            {t("account.partnerEarned", {
              earned: formatPrice(m.currency, m.earned),
              held: formatPrice(m.currency, m.held),
              paid: formatPrice(m.currency, m.paid_out),
            })}
          </p>
        ))}
        <div className="flex gap-2">
          <Button variant="secondary" className="h-10 flex-1 rounded-xl" onClick={() => void copy()}>
            {copied ? t("account.copied") : t("account.copy")}
          </Button>
          <Button
            className="h-10 flex-1 rounded-xl"
            onClick={async () => {
              if (!(await shareLink(link))) await copy();
            }}
          >
            {t("account.share")}
          </Button>
        </div>
      </section>
    </>
  );
}
