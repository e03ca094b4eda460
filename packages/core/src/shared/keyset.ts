import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { validationFailed } from "./errors.ts";

/**
 * Keyset (cursor) pagination for the admin lists. A page is cut after the last row's sort value
 * and id, so rows inserted or changed while someone pages never shift the pages they have not
 * seen yet (OFFSET would skip or repeat them), and page 1000 costs what page 1 costs.
 *
 * The sort value travels as PostgreSQL's own text form of it (`expr::text`), so timestamps keep
 * their microseconds: a cursor built from a JavaScript Date would lose them and repeat rows.
 */

export type SortDirection = "asc" | "desc";

/** One sortable column: the SQL expression (never null) and the type its text form is cast back to. */
export type SortKey = { expr: SQL | AnyPgColumn; type: "timestamptz" | "text" | "int" | "bigint" };

export type Page<T> = { items: T[]; nextCursor: string | null };

type CursorBody = { s: string; v: string; id: string };

export function encodeCursor(sort: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify({ s: sort, v: value, id } satisfies CursorBody)).toString("base64url");
}

/** The cursor as the client sent it; one made for another sort order is refused, not misread. */
export function decodeCursor(cursor: string | undefined, sort: string): { value: string; id: string } | null {
  if (!cursor) return null;
  try {
    const body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorBody>;
    if (typeof body.v === "string" && typeof body.id === "string" && body.s === sort) {
      return { value: body.v, id: body.id };
    }
  } catch {
    // fall through to the validation error below
  }
  throw validationFailed("cursor", "is not a cursor this list gave out for this sort order");
}

/** `expr::text`, selected beside each row so the next cursor can be built from the last one. */
export const sortText = (key: SortKey) => sql<string>`(${key.expr})::text`;

/** The WHERE condition for rows after the cursor, in the list's order (sort key, then id). */
export function afterCursor(
  key: SortKey,
  id: AnyPgColumn,
  direction: SortDirection,
  cursor: { value: string; id: string } | null,
): SQL | undefined {
  if (!cursor) return undefined;
  const value = sql`${cursor.value}::${sql.raw(key.type)}`;
  return direction === "desc"
    ? sql`(${key.expr}, ${id}) < (${value}, ${cursor.id}::uuid)`
    : sql`(${key.expr}, ${id}) > (${value}, ${cursor.id}::uuid)`;
}

/** ORDER BY the sort key then id, both the same way, matching the row comparison above. */
export function orderByKey(key: SortKey, id: AnyPgColumn, direction: SortDirection): SQL[] {
  return direction === "desc"
    ? [sql`${key.expr} desc`, sql`${id} desc`]
    : [sql`${key.expr} asc`, sql`${id} asc`];
}

/**
 * Fetches limit + 1 rows (the query's job) and turns them into a page: the extra row only says
 * that there is a next page, so the last page never ends with an empty request.
 */
export function toPage<T extends { id: string; sortValue: string }>(
  rows: T[],
  limit: number,
  sort: string,
): Page<Omit<T, "sortValue">> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, last.sortValue, last.id) : null;
  return { items: items.map(({ sortValue: _s, ...rest }) => rest), nextCursor };
}

/**
 * Every row of a list, one page at a time, for exports: memory holds one page whatever the size
 * of the list, and each page is a fresh keyset query, so no transaction is held open meanwhile.
 */
export async function* eachRow<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
