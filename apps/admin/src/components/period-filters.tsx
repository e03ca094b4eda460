import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import { useState } from "react";
import { useT } from "../lib/i18n.ts";
import { type PeriodSearch, periodPresets } from "../lib/period-search.ts";

/** 7, 30 or 90 days up to today, or a custom pair of days; the choice lives in the URL. */
export function PeriodPicker({
  search,
  onChange,
  idPrefix,
}: {
  search: PeriodSearch;
  onChange: (patch: Partial<PeriodSearch>) => void;
  /** Keeps the date inputs' ids unique per page. */
  idPrefix: string;
}) {
  const t = useT();
  const period = search.period ?? "30";
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  return (
    <div className="flex flex-wrap items-end gap-2">
      <fieldset className="inline-flex rounded-md border p-0.5" aria-label={t("period.label")}>
        {periodPresets.map((preset) => (
          <Button
            key={preset}
            size="sm"
            variant={period === preset ? "secondary" : "ghost"}
            aria-pressed={period === preset}
            onClick={() =>
              onChange(
                preset === "custom" ? { period: preset } : { period: preset, from: undefined, to: undefined },
              )
            }
          >
            {t(`period.${preset}`)}
          </Button>
        ))}
      </fieldset>
      {period === "custom" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ period: "custom", from: from || undefined, to: to || undefined });
          }}
        >
          <div className="grid gap-1">
            <Label htmlFor={`${idPrefix}-from`}>{t("period.from")}</Label>
            <Input
              id={`${idPrefix}-from`}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              className="h-8 w-40"
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`${idPrefix}-to`}>{t("period.to")}</Label>
            <Input
              id={`${idPrefix}-to`}
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              className="h-8 w-40"
            />
          </div>
          <Button type="submit" size="sm">
            {t("period.apply")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** The bot filter: all bots or one; shown only when there is more than one bot to choose. */
export function BotPicker({
  bots,
  value,
  onChange,
}: {
  bots: Array<{ id: string; name: string; username: string }>;
  value: string | undefined;
  onChange: (botId: string | undefined) => void;
}) {
  const t = useT();
  if (bots.length < 2) return null;
  return (
    <Select value={value ?? "all"} onValueChange={(v) => onChange(v === "all" ? undefined : v)}>
      <SelectTrigger className="h-8 w-48" aria-label={t("bot.label")}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="all">{t("bot.all")}</SelectItem>
        {bots.map((b) => (
          <SelectItem key={b.id} value={b.id}>
            {b.name} (@{b.username})
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
