import { Button } from "@lumen/ui/components/button";
import { Skeleton } from "@lumen/ui/components/skeleton";
import { ApiError } from "../lib/api.ts";
import { t } from "../lib/i18n.ts";

export function LoadingCards({ count = 3 }: { count?: number }) {
  return (
    <div className="flex flex-col gap-3" aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} className="h-24 rounded-xl bg-card" />
      ))}
    </div>
  );
}

/**
 * A failed load, in the buyer's words, with a retry. A 401 means the launch data is older than the
 * server accepts (INIT_DATA_MAX_AGE_SECONDS): only reopening the app from Telegram signs it anew.
 */
export function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  const message =
    error instanceof ApiError && error.status === 0
      ? t("errors.network")
      : error instanceof ApiError && error.status === 401
        ? t("errors.expired")
        : error instanceof ApiError && error.status === 404
          ? t("errors.notFound")
          : t("errors.generic");
  return (
    <div role="alert" className="flex flex-col items-center gap-3 rounded-xl bg-card p-6 text-center">
      <p className="text-sm">{message}</p>
      <Button variant="secondary" onClick={retry}>
        {t("errors.retry")}
      </Button>
    </div>
  );
}
