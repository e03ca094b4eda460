import { z } from "zod";
import { cursorQuery } from "./pagination.ts";

/**
 * What every admin list accepts: an opaque cursor from the previous page and a bounded page
 * size. Lists answer `{ items, next_cursor }`; next_cursor is null on the last page.
 */
export const pageQuery = {
  ...cursorQuery.shape,
  // Keyset cursors carry the last row's sort value (a name can be long), so they get more room.
  cursor: z.string().min(1).max(1000).optional().describe("next_cursor of the previous page"),
};

/** A yes/no filter in a query string: "true" or "false" (z.coerce.boolean would read "false" as true). */
export const queryFlag = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional();

/**
 * A list's order as the panel keeps it in the URL: `field.asc` or `field.desc` (the data-table kit's
 * `?sort=` format), so the CSV link can pass the page's query string as it is.
 */
export function sortParam(fields: readonly string[], fallback: string) {
  const values = fields.flatMap((f) => [`${f}.asc`, `${f}.desc`]) as [string, ...string[]];
  return z.enum(values).default(fallback);
}

/** `created.desc` -> { sort: "created", direction: "desc" }, as the core verbs take it. */
export function sortParts(value: string): { sort: string; direction: "asc" | "desc" } {
  const dot = value.lastIndexOf(".");
  return { sort: value.slice(0, dot), direction: value.slice(dot + 1) === "asc" ? "asc" : "desc" };
}
