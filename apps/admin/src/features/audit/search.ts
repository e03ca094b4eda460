import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

/**
 * The audit page's URL: paging from the shared kit plus this page's filters. `q` (the search box)
 * is an exact entity id. `.catch()` turns a hand-edited bad value into "no filter".
 */
export const auditSearch = tableSearch.extend({
  actor: z
    .string()
    .regex(/^(admin|api_key|cli|system):.+$/)
    .optional()
    .catch(undefined),
  action: z.string().max(100).optional().catch(undefined),
  entity_type: z.string().max(50).optional().catch(undefined),
});

export type AuditSearch = z.output<typeof auditSearch>;
