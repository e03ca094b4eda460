import type { z } from "zod";
import { periodSearch } from "../../lib/period-search.ts";

/** The dashboard's URL: the shared period and bot filters. */
export const dashboardSearch = periodSearch;

export type DashboardSearch = z.output<typeof dashboardSearch>;
