import { z } from "zod";

export const periodPresets = ["7", "30", "90", "custom"] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The period and bot a report page reads, kept in its URL so a view can be bookmarked: a preset
 * (7, 30 or 90 days up to today) or custom from/to days, and one bot or all. A hand-edited bad value
 * falls back to the default (30 days, all bots). Pages extend it with their own fields.
 */
export const periodSearch = z.object({
  period: z.enum(periodPresets).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  bot_id: z.uuid().optional().catch(undefined),
});

export type PeriodSearch = z.output<typeof periodSearch>;
