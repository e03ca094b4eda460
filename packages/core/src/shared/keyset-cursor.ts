import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { validationFailed } from "./errors.ts";

/**
 * Lists page by keyset (the sort value and the id of the last row seen), not by offset, so rows
 * added meanwhile never shift a page and a deep page costs what the first does. The cursor is
 * opaque to clients: base64url of the last row's key.
 */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key of a cursor from a client; anything malformed is a 400 naming the field. */
export function decodeCursor(cursor: string, length: number, field = "cursor"): Array<string | number> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw validationFailed(field, "not a cursor this list gave out");
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))
  )
    throw validationFailed(field, "not a cursor this list gave out");
  return key;
}

/**
 * One page: `limit` rows and the cursor of the next page, if there is one (fetched limit + 1).
 * Rows carry their exact sort time as `cursorAt`, used for the cursor and not shown.
 */
export function pageOf<T extends { cursorAt: string; id: string }>(
  rows: T[],
  limit: number,
): { items: Array<Omit<T, "cursorAt">>; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _c, ...row }) => row),
    nextCursor: rows.length > limit && last ? encodeCursor([last.cursorAt, last.id]) : null,
  };
}

/**
 * A timestamp to the microsecond, as text: a JavaScript Date keeps milliseconds only, and a cursor
 * cut to them would skip rows made within the same millisecond.
 */
export const exactTime = (column: AnyColumn | SQL): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
