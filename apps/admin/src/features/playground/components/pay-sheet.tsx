import { Button } from "@lumen/ui/components/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@lumen/ui/components/sheet";
import { useQuery } from "@tanstack/react-query";
import { StarIcon } from "lucide-react";
import { type InvoiceRef, playgroundInvoiceQueryOptions } from "../api/playground-api.ts";
import { usePlaygroundT } from "../i18n.ts";

/** Telegram's payment sheet, paid with the test user's test Stars. */
export function PaySheet({
  userId,
  userName,
  stars,
  invoice,
  paying,
  onPay,
  onClose,
}: {
  userId: number;
  userName: string;
  stars: number;
  invoice: InvoiceRef | null;
  paying: boolean;
  onPay(ref: InvoiceRef): void;
  onClose(): void;
}) {
  const t = usePlaygroundT();
  const details = useQuery({
    ...playgroundInvoiceQueryOptions(userId, invoice ?? {}),
    enabled: invoice !== null,
  });
  const data = details.data;
  return (
    <Sheet open={invoice !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <SheetContent side="bottom" className="mx-auto max-w-md rounded-t-xl" closeLabel={t("sheet.cancel")}>
        <SheetHeader>
          <SheetTitle>{t("sheet.title")}</SheetTitle>
          <SheetDescription>{t("sheet.description")}</SheetDescription>
        </SheetHeader>
        {data ? (
          <div className="space-y-3 px-4 pb-4">
            <div className="rounded-lg border p-3">
              <div className="font-semibold">{data.title}</div>
              <div className="text-sm text-muted-foreground">{data.description}</div>
              <div className="mt-2 flex items-center gap-1 text-lg font-semibold">
                <StarIcon className="size-4 fill-yellow-400 text-yellow-500" />
                {data.total_amount}
                {data.subscription_period ? (
                  <span className="text-sm font-normal text-muted-foreground">
                    {" "}
                    {t("sheet.every", { days: Math.round(data.subscription_period / 86_400) })}
                  </span>
                ) : null}
              </div>
            </div>
            <p className="text-sm text-muted-foreground">{t("sheet.balance", { name: userName, stars })}</p>
            <div className="flex gap-2">
              <Button
                className="flex-1"
                disabled={paying || stars < data.total_amount}
                onClick={() => invoice && onPay(invoice)}
              >
                {t("sheet.pay", { amount: data.total_amount })}
              </Button>
              <Button variant="outline" onClick={onClose}>
                {t("sheet.cancel")}
              </Button>
            </div>
          </div>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
