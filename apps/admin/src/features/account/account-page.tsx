import { PageHeader } from "../../components/page-header.tsx";
import { PasswordCard } from "./components/password-card.tsx";
import { TelegramCard } from "./components/telegram-card.tsx";
import { useAccountT } from "./i18n.ts";

/** Every operator's own page, desk roles included: the Telegram link and the password. */
export function AccountPage() {
  const t = useAccountT();
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <TelegramCard />
      <PasswordCard />
    </div>
  );
}
