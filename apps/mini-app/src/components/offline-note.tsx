import { useSyncExternalStore } from "react";
import { t } from "../lib/i18n.ts";

function subscribe(onChange: () => void) {
  addEventListener("online", onChange);
  addEventListener("offline", onChange);
  return () => {
    removeEventListener("online", onChange);
    removeEventListener("offline", onChange);
  };
}

/**
 * The installed app opens from its cached shell without a network; this says so instead of leaving
 * the buyer to guess why nothing loads. Hidden while the browser is online.
 */
export function OfflineNote() {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  if (online) return null;
  return (
    <p
      role="status"
      data-testid="offline-note"
      className="rounded-xl bg-card px-3 py-2 text-center text-sm text-muted-foreground"
    >
      {t("offline.note")}
    </p>
  );
}
