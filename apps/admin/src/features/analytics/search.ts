import { z } from "zod";
import { periodSearch } from "../../lib/period-search.ts";

/** The dashboard's filters (period preset or custom days, a bot), plus how many weeks of cohorts. */
export const analyticsSearch = periodSearch.extend({
  weeks: z.coerce.number().int().min(1).max(26).optional().catch(undefined),
});

export type AnalyticsSearch = z.output<typeof analyticsSearch>;
