import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { type Control, type UseFormRegister, useFieldArray } from "react-hook-form";
import { useBroadcastsT } from "../i18n.ts";
import type { ComposerValues } from "./composer-values.ts";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring";
const kinds = ["url", "mini_app", "product", "trial"] as const;

/** The message's inline buttons: a kind, a label per language, and the URL or product it needs. */
export function ButtonFields({
  control,
  register,
  watchKinds,
}: {
  control: Control<ComposerValues>;
  register: UseFormRegister<ComposerValues>;
  watchKinds: ComposerValues["buttons"];
}) {
  const t = useBroadcastsT();
  const { fields, append, remove } = useFieldArray({ control, name: "buttons" });
  return (
    <fieldset className="grid gap-3">
      <legend className="text-sm font-medium">{t("form.buttons")}</legend>
      {fields.map((field, index) => {
        const kind = watchKinds[index]?.kind;
        return (
          <div key={field.id} className="grid gap-2 rounded-md border p-3 sm:grid-cols-4">
            <select
              aria-label={t("form.buttonKind")}
              className={selectClass}
              {...register(`buttons.${index}.kind`)}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`buttonKinds.${k}`)}
                </option>
              ))}
            </select>
            <Input
              aria-label={t("form.labelEn")}
              placeholder={t("form.labelEn")}
              {...register(`buttons.${index}.label_en`)}
            />
            <Input
              aria-label={t("form.labelRu")}
              placeholder={t("form.labelRu")}
              {...register(`buttons.${index}.label_ru`)}
            />
            <Button type="button" variant="ghost" onClick={() => remove(index)}>
              {t("form.removeButton")}
            </Button>
            {kind === "url" ? (
              <Input
                className="sm:col-span-4"
                aria-label={t("form.url")}
                placeholder="https://"
                {...register(`buttons.${index}.url`)}
              />
            ) : null}
            {kind === "product" ? (
              <Input
                className="sm:col-span-4"
                aria-label={t("form.productId")}
                placeholder={t("form.productId")}
                {...register(`buttons.${index}.product_id`)}
              />
            ) : null}
          </div>
        );
      })}
      {fields.length < 8 ? (
        <Button
          type="button"
          variant="outline"
          className="justify-self-start"
          onClick={() => append({ kind: "trial", label_en: "", label_ru: "", url: "", product_id: "" })}
        >
          {t("form.addButton")}
        </Button>
      ) : null}
    </fieldset>
  );
}
