import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

const flag = z.enum(["true", "false"]).optional().catch(undefined);

/** The users list's URL: the kit's paging and search (`q`) plus the filters the API takes. */
export const usersSearch = tableSearch.extend({
  language: z.enum(["en", "ru"]).optional().catch(undefined),
  trial: flag,
  paying: flag,
  active_plan: flag,
  blocked: flag,
  partner: flag,
  bot_id: z.uuid().optional().catch(undefined),
  referred_by: z.uuid().optional().catch(undefined),
});

export type UsersSearch = z.output<typeof usersSearch>;
