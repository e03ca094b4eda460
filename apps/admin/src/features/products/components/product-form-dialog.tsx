import { zodResolver } from "@hookform/resolvers/zod";
import { productRequest } from "@lumen/contracts";
import { Button } from "@lumen/ui/components/button";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { FormField } from "../../../components/form-field.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import {
  channelsQueryOptions,
  type Product,
  type ProductRequest,
  productKeys,
  saveProduct,
} from "../api/products-api.ts";
import { useProductsT } from "../i18n.ts";
import { productKinds } from "../search.ts";
import { BotPreview } from "./bot-preview.tsx";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring";
const defaults: Record<(typeof productKinds)[number], ProductRequest["details"]> = {
  credits: { kind: "credits", credits: 100 },
  plan: { kind: "plan", plan_code: "", period_days: 30, messages_per_period: null, channel_ids: [] },
  course: { kind: "course", course_code: "", tariff: "BASIC" },
  digital: { kind: "digital", text: "", file_id: null },
};
const emptyAsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalNumber = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));
const fields = ["title", "description", "category", "image_url", "prices", "details"] as const;

function valuesOf(product: Product | null): ProductRequest {
  if (!product) {
    return {
      title: "",
      description: "",
      category: null,
      image_url: null,
      active: true,
      newcomers_only: false,
      details: defaults.credits,
      prices: [],
    };
  }
  return {
    title: product.title,
    description: product.description,
    category: product.category,
    image_url: product.image_url,
    active: product.active,
    newcomers_only: product.newcomers_only,
    details: product.details,
    prices: product.prices,
  };
}

/** Create or edit a product: fields by kind, a price per currency, and how the bot will show it. */
export function ProductFormDialog({
  product,
  open,
  onOpenChange,
}: {
  product: Product | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useProductsT();
  const queryClient = useQueryClient();
  const form = useForm<ProductRequest>({ resolver: zodResolver(productRequest), values: valuesOf(product) });
  const details = form.watch("details");
  const prices = form.watch("prices") ?? [];
  const title = form.watch("title") ?? "";
  const channels = useQuery({ ...channelsQueryOptions(), enabled: open && details.kind === "plan" });
  const mutation = useMutation({
    mutationFn: saveProduct,
    meta: { form: true },
    onSuccess: async () => {
      toast.success(t("form.saved"));
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      onOpenChange(false);
    },
    onError: (error) => setFieldErrors(error, form.setError, [...fields]),
  });
  const errors = form.formState.errors;
  const detailError = (key: string) =>
    (errors.details as Record<string, { message?: string }> | undefined)?.[key]?.message;
  const priceOf = (currency: "RUB" | "XTR") => prices.find((p) => p.currency === currency)?.amount;
  const setPrice = (currency: "RUB" | "XTR", amount: number | null) => {
    const rest = prices.filter((p) => p.currency !== currency);
    form.setValue(
      "prices",
      amount === null || Number.isNaN(amount) ? rest : [...rest, { currency, amount }],
      {
        shouldValidate: form.formState.isSubmitted,
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{product ? t("edit") : t("create")}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
          <form
            id="product-form"
            className="grid gap-4"
            noValidate
            onSubmit={form.handleSubmit((body) => mutation.mutate({ id: product?.id ?? null, body }))}
          >
            <FormField label={t("form.title")} error={errors.title?.message}>
              {(p) => <Input {...p} autoFocus {...form.register("title")} />}
            </FormField>
            <FormField label={t("form.description")} error={errors.description?.message}>
              {(p) => <Textarea {...p} rows={3} {...form.register("description")} />}
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                label={t("form.category")}
                hint={t("form.categoryHint")}
                error={errors.category?.message}
              >
                {(p) => (
                  <Input {...p} maxLength={40} {...form.register("category", { setValueAs: emptyAsNull })} />
                )}
              </FormField>
              <FormField
                label={t("form.imageUrl")}
                hint={t("form.imageUrlHint")}
                error={errors.image_url?.message}
              >
                {(p) => (
                  <Input
                    {...p}
                    type="url"
                    inputMode="url"
                    {...form.register("image_url", { setValueAs: emptyAsNull })}
                  />
                )}
              </FormField>
            </div>
            <FormField label={t("form.kind")} hint={product ? t("form.kindFixed") : undefined}>
              {(p) => (
                <select
                  {...p}
                  className={selectClass}
                  disabled={product !== null}
                  value={details.kind}
                  onChange={(e) =>
                    form.setValue("details", defaults[e.target.value as (typeof productKinds)[number]])
                  }
                >
                  {productKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {details.kind === "credits" ? (
              <FormField label={t("form.credits")} error={detailError("credits")}>
                {(p) => (
                  <Input
                    {...p}
                    type="number"
                    min={1}
                    {...form.register("details.credits", { valueAsNumber: true })}
                  />
                )}
              </FormField>
            ) : null}
            {details.kind === "plan" ? (
              <>
                <FormField
                  label={t("form.planCode")}
                  hint={t("form.planCodeHint")}
                  error={detailError("plan_code")}
                >
                  {(p) => <Input {...p} {...form.register("details.plan_code")} />}
                </FormField>
                <div className="grid items-start gap-4 sm:grid-cols-2">
                  <FormField label={t("form.periodDays")} error={detailError("period_days")}>
                    {(p) => (
                      <Input
                        {...p}
                        type="number"
                        min={1}
                        {...form.register("details.period_days", { valueAsNumber: true })}
                      />
                    )}
                  </FormField>
                  <FormField
                    label={t("form.quota")}
                    hint={t("form.quotaHint")}
                    error={detailError("messages_per_period")}
                  >
                    {(p) => (
                      <Input
                        {...p}
                        type="number"
                        min={1}
                        {...form.register("details.messages_per_period", { setValueAs: optionalNumber })}
                      />
                    )}
                  </FormField>
                </div>
                <fieldset className="grid gap-2">
                  <legend className="text-sm font-medium">{t("form.chats")}</legend>
                  {(channels.data?.items ?? []).length === 0 ? (
                    <p className="text-xs text-muted-foreground">{t("form.noChats")}</p>
                  ) : (
                    <Controller
                      control={form.control}
                      name="details.channel_ids"
                      render={({ field }) => (
                        <div className="grid gap-1">
                          {channels.data?.items.map((c) => {
                            const chosen = (field.value ?? []).includes(c.chat_id);
                            return (
                              <Label key={c.id} className="flex items-center gap-2 font-normal">
                                <Checkbox
                                  checked={chosen}
                                  onCheckedChange={(on) =>
                                    field.onChange(
                                      on === true
                                        ? [...(field.value ?? []), c.chat_id]
                                        : (field.value ?? []).filter((id: number) => id !== c.chat_id),
                                    )
                                  }
                                />
                                {c.title}
                              </Label>
                            );
                          })}
                        </div>
                      )}
                    />
                  )}
                </fieldset>
              </>
            ) : null}
            {details.kind === "course" ? (
              <div className="grid items-start gap-4 sm:grid-cols-2">
                <FormField label={t("form.courseCode")} error={detailError("course_code")}>
                  {(p) => <Input {...p} {...form.register("details.course_code")} />}
                </FormField>
                <FormField label={t("form.tariff")}>
                  {(p) => (
                    <select {...p} className={selectClass} {...form.register("details.tariff")}>
                      <option value="BASIC">BASIC</option>
                      <option value="FEEDBACK">FEEDBACK</option>
                      <option value="PREMIUM">PREMIUM</option>
                    </select>
                  )}
                </FormField>
              </div>
            ) : null}
            {details.kind === "digital" ? (
              <>
                <FormField label={t("form.text")} error={detailError("text")}>
                  {(p) => <Textarea {...p} rows={3} {...form.register("details.text")} />}
                </FormField>
                <FormField label={t("form.fileId")} error={detailError("file_id")}>
                  {(p) => (
                    <Input
                      {...p}
                      className="font-mono"
                      {...form.register("details.file_id", { setValueAs: (v) => (v ? v : null) })}
                    />
                  )}
                </FormField>
              </>
            ) : null}
            <div className="grid items-start gap-4 sm:grid-cols-2">
              <FormField
                label={t("form.priceRub")}
                hint={t("form.priceRubHint")}
                error={errors.prices?.message}
              >
                {(p) => (
                  <Input
                    {...p}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="0.01"
                    defaultValue={priceOf("RUB") === undefined ? "" : (priceOf("RUB") ?? 0) / 100}
                    onChange={(e) =>
                      setPrice("RUB", e.target.value === "" ? null : Math.round(Number(e.target.value) * 100))
                    }
                  />
                )}
              </FormField>
              <FormField label={t("form.priceXtr")} hint={t("form.priceXtrHint")}>
                {(p) => (
                  <Input
                    {...p}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step="1"
                    defaultValue={priceOf("XTR") ?? ""}
                    onChange={(e) => setPrice("XTR", e.target.value === "" ? null : Number(e.target.value))}
                  />
                )}
              </FormField>
            </div>
            <Controller
              control={form.control}
              name="active"
              render={({ field }) => (
                <Label className="flex items-center gap-2 font-normal">
                  <Checkbox
                    checked={field.value ?? true}
                    onCheckedChange={(v) => field.onChange(v === true)}
                  />
                  {t("form.active")}
                </Label>
              )}
            />
            <Controller
              control={form.control}
              name="newcomers_only"
              render={({ field }) => (
                <Label className="flex items-center gap-2 font-normal">
                  <Checkbox
                    checked={field.value ?? false}
                    onCheckedChange={(v) => field.onChange(v === true)}
                  />
                  {t("form.newcomersOnly")}
                </Label>
              )}
            />
          </form>
          <BotPreview title={title} prices={prices} />
        </div>
        <DialogFooter>
          <Button type="submit" form="product-form" disabled={mutation.isPending}>
            {t("form.save")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
