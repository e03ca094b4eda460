import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

/** The orders list's URL: the kit's paging plus the filters the API takes. */
export const ordersSearch = tableSearch.extend({
  status: z.enum(["pending", "paid", "cancelled", "expired", "refunded"]).optional().catch(undefined),
  provider: z.enum(["stars", "telegram", "yookassa", "mock"]).optional().catch(undefined),
  currency: z.enum(["XTR", "RUB"]).optional().catch(undefined),
  flagged: z.enum(["true", "false"]).optional().catch(undefined),
  user_id: z.uuid().optional().catch(undefined),
  product_id: z.uuid().optional().catch(undefined),
});

export type OrdersSearch = z.output<typeof ordersSearch>;
