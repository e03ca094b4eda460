import { z } from "zod";

export const periodPresets = ["7", "30", "90", "custom"] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The dashboard's URL: a preset period (7, 30 or 90 days up to today) or custom from/to days, and a
 * bot. Bookmarkable; a hand-edited bad value falls back to the default (30 days, all bots).
 */
export const dashboardSearch = z.object({
  period: z.enum(periodPresets).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  bot_id: z.uuid().optional().catch(undefined),
});

export type DashboardSearch = z.output<typeof dashboardSearch>;
