import type { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

/** The partners list's URL: paging, the search box (code, name, @username or Telegram id) and the sort. */
export const partnersSearch = tableSearch;

export type PartnersSearch = z.output<typeof partnersSearch>;
