import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed
 * with an apostrophe: exported data comes from buyers and must never execute in Excel.
 * Numbers are written as they are (a negative number is a number, not a formula).
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One RFC 4180 record, CRLF-terminated. */
export const csvRecord = (values: unknown[]): string => `${values.map(cell).join(",")}\r\n`;

/** The header, then one record per row as the rows arrive: nothing is held beyond the current page. */
export async function* csvLines<T>(
  columns: Array<{ header: string; value: (row: T) => unknown }>,
  rows: AsyncIterable<T>,
): AsyncGenerator<string> {
  // The byte order mark makes Excel read the file as UTF-8 (Cyrillic names stay readable).
  yield `\uFEFF${csvRecord(columns.map((c) => c.header))}`;
  for await (const row of rows) yield csvRecord(columns.map((c) => c.value(row)));
}

/** Streams a CSV download; the filename says what and when. */
export function sendCsv<T>(
  reply: FastifyReply,
  name: string,
  columns: Array<{ header: string; value: (row: T) => unknown }>,
  rows: AsyncIterable<T>,
  now: Date,
) {
  const filename = `${name}-${now.toISOString().slice(0, 10)}.csv`;
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(Readable.from(csvLines(columns, rows)));
}
