import { z } from "zod";

/**
 * The one shape of a list endpoint, so the admin panel's data-table kit pages any list the same way:
 * `?cursor=<opaque>&limit=N` in, `{ items, next_cursor }` out (null on the last page).
 */
export const cursorQuery = z.object({
  cursor: z.string().min(1).max(200).optional().describe("next_cursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

export type CursorPage<T> = { items: T[]; next_cursor: string | null };
