import { zodResolver } from "@hookform/resolvers/zod";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { formatMoney } from "../../../components/cells.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { useLocale } from "../../../lib/i18n.ts";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { type Partner, partnerKeys, recordPayout } from "../api/partners-api.ts";
import { usePartnersT } from "../i18n.ts";

type T = ReturnType<typeof usePartnersT>;
type Currency = "XTR" | "RUB";

/** Rubles are typed as rubles (kopecks on the wire); Stars are whole. */
const toMinor = (text: string, currency: Currency) =>
  currency === "RUB" ? Math.round(Number(text.replace(",", ".")) * 100) : Number(text);
const toMajor = (amount: number, currency: Currency) =>
  currency === "RUB" ? (amount / 100).toFixed(2) : String(amount);

const formSchema = (t: T, due: (c: Currency) => number) =>
  z
    .object({
      currency: z.enum(["XTR", "RUB"]),
      amount: z.string().trim(),
      note: z.string().trim().max(500, t("payout.noteTooLong")),
    })
    .superRefine((v, ctx) => {
      const pattern = v.currency === "RUB" ? /^\d+([.,]\d{1,2})?$/ : /^\d+$/;
      const minor = toMinor(v.amount, v.currency);
      if (!pattern.test(v.amount) || minor < 1)
        ctx.addIssue({ code: "custom", path: ["amount"], message: t(`payout.amountInvalid${v.currency}`) });
      else if (minor > due(v.currency))
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message: t("payout.amountTooHigh", { due: formatMoney(due(v.currency), v.currency) }),
        });
    });
type Values = z.infer<ReturnType<typeof formSchema>>;

/**
 * Records money paid to a partner outside Lumen, never more than is due. The idempotency key is
 * made when the dialog opens (it is mounted per partner), so a double submit records one payout.
 */
export function PayoutDialog({
  partner,
  onOpenChange,
}: {
  partner: Partner;
  onOpenChange: (open: boolean) => void;
}) {
  const t = usePartnersT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const due = (c: Currency) => partner.money.find((m) => m.currency === c)?.due ?? 0;
  const start = partner.money.find((m) => m.due > 0) ?? partner.money[0];
  const startCurrency: Currency = start?.currency ?? "XTR";
  const form = useForm<Values>({
    resolver: zodResolver(formSchema(t, due)),
    defaultValues: { currency: startCurrency, amount: toMajor(due(startCurrency), startCurrency), note: "" },
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: recordPayout,
    meta: { form: true },
    onSuccess: async (stats, input) => {
      const left = stats.money.find((m) => m.currency === input.currency)?.due ?? 0;
      toast.success(
        t("payout.done", {
          amount: formatMoney(input.amount, input.currency, locale),
          due: formatMoney(left, input.currency, locale),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      onOpenChange(false);
    },
    onError: (error) => setFieldErrors(error, form.setError, ["amount", "currency", "note"]),
  });
  const currency = form.watch("currency");
  const errors = form.formState.errors;
  const submit = form.handleSubmit((v) =>
    mutation.mutate({
      partnerId: partner.user_id,
      currency: v.currency,
      amount: toMinor(v.amount, v.currency),
      note: v.note || undefined,
      idempotency_key: idempotencyKey,
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !mutation.isPending && onOpenChange(open)}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("payout.title", { name: partner.first_name })}</DialogTitle>
            <DialogDescription>{t("payout.description")}</DialogDescription>
          </DialogHeader>
          <table className="w-full text-sm" data-testid="payout-figures">
            <thead className="text-xs text-muted-foreground">
              <tr>
                <th className="py-1 text-left font-normal">{t("payout.currency")}</th>
                <th className="py-1 text-right font-normal">{t("columns.held")}</th>
                <th className="py-1 text-right font-normal">{t("columns.due")}</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {partner.money.length === 0 ? (
                <tr>
                  <td colSpan={3} className="py-1 text-muted-foreground">
                    {t("payout.nothing")}
                  </td>
                </tr>
              ) : (
                partner.money.map((m) => (
                  <tr key={m.currency} className="border-t">
                    <td className="py-1.5">{m.currency === "XTR" ? "Stars" : "RUB"}</td>
                    <td className="py-1.5 text-right">{formatMoney(m.held, m.currency, locale)}</td>
                    <td className="py-1.5 text-right font-medium">
                      {formatMoney(m.due, m.currency, locale)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {partner.money.length > 1 ? (
            <FormField label={t("payout.currency")} error={errors.currency?.message}>
              {(p) => (
                <select
                  {...p}
                  className="h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  {...form.register("currency", {
                    onChange: (e) => form.setValue("amount", toMajor(due(e.target.value), e.target.value)),
                  })}
                >
                  {partner.money.map((m) => (
                    <option key={m.currency} value={m.currency}>
                      {m.currency === "XTR" ? "Stars (XTR)" : "RUB"}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          <FormField
            label={t(`payout.amount${currency}`)}
            hint={t("payout.amountHint", { due: formatMoney(due(currency), currency, locale) })}
            error={errors.amount?.message}
          >
            {(p) => <Input {...p} inputMode="decimal" autoComplete="off" {...form.register("amount")} />}
          </FormField>
          <FormField label={t("payout.note")} hint={t("payout.noteHint")} error={errors.note?.message}>
            {(p) => <Textarea rows={3} {...p} {...form.register("note")} />}
          </FormField>
          <DialogFooter>
            <SubmitButton pending={mutation.isPending} disabled={due(currency) === 0}>
              {t("payout.submit")}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
