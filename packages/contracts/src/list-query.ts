import { z } from "zod";

/**
 * What every admin list accepts: an opaque cursor from the previous page and a bounded page
 * size. Lists answer `{ items, next_cursor }`; next_cursor is null on the last page.
 */
export const pageQuery = {
  cursor: z.string().min(1).max(500).optional().describe("next_cursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** A yes/no filter in a query string: "true" or "false" (z.coerce.boolean would read "false" as true). */
export const queryFlag = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional();

export const sortDirection = z.enum(["asc", "desc"]);

/** A list page: the items and the cursor of the next page, null after the last. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });
