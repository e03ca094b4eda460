import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

export const promoKinds = ["percent_off", "fixed_off", "bonus_credits", "extra_days", "free_days"] as const;

/** The promo codes list's URL: paging, the code search box, state, kind, and "used past the limit". */
export const promosSearch = tableSearch.extend({
  active: z.enum(["true", "false"]).optional().catch(undefined),
  kind: z.enum(promoKinds).optional().catch(undefined),
  overrun: z.enum(["true"]).optional().catch(undefined),
});

export type PromosSearch = z.output<typeof promosSearch>;

/** One code's page: the redemptions table pages by cursor in the URL, like every list. */
export const promoRedemptionsSearch = tableSearch.pick({ cursor: true, limit: true });

export type PromoRedemptionsSearch = z.output<typeof promoRedemptionsSearch>;
