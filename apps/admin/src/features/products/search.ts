import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

export const productKinds = ["credits", "plan", "course", "digital"] as const;

/** The products list's URL: paging, the title search box, kind and state. */
export const productsSearch = tableSearch.extend({
  kind: z.enum(productKinds).optional().catch(undefined),
  active: z.enum(["true", "false"]).optional().catch(undefined),
});

export type ProductsSearch = z.output<typeof productsSearch>;
