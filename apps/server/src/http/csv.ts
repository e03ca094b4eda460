import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";

/**
 * The one CSV writer of the admin exports (RFC 4180): UTF-8 with a BOM so Excel reads Cyrillic
 * names right, CRLF line ends, fields quoted when they hold a quote, comma or line break.
 * Text that came from people (names, titles, notes) is neutralised against formula injection:
 * a text cell starting with = + - @ (or a tab or CR) gets a leading apostrophe, so a
 * spreadsheet shows it instead of running it. Numbers we format ourselves are left as they are.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;
/** A text cell holds what someone typed; a number cell holds a figure we computed. */
export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue };

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: CsvValue[]): string => `${cells.map(csvCell).join(",")}\r\n`;

/** Digits after the decimal point per currency: kopecks for RUB, whole Stars for XTR. */
const exponent: Record<string, number> = { RUB: 2, XTR: 0 };

/**
 * An amount in minor units as a decimal string (12345 RUB -> "123.45"), computed on integers so no
 * float ever rounds it. Kept as a number-like string: a spreadsheet reads it as a number.
 */
export function decimalAmount(minor: number, currency: string): string {
  const digits = exponent[currency] ?? 2;
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Lines are sent in chunks of this many rows: few writes, and memory bounded by one chunk. */
const CHUNK_ROWS = 500;

async function* csvChunks<T>(columns: CsvColumn<T>[], rows: AsyncIterable<T>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(columns.map((c) => c.header))}`;
  let chunk = "";
  let count = 0;
  for await (const row of rows) {
    chunk += csvLine(columns.map((c) => c.value(row)));
    if (++count === CHUNK_ROWS) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams rows (read page by page from the database) as a CSV download. Nothing holds the
 * whole export: rows become text as the client reads, with back-pressure from the socket.
 */
export function sendCsv<T>(
  reply: FastifyReply,
  name: string,
  columns: CsvColumn<T>[],
  rows: AsyncIterable<T>,
  now: Date,
): FastifyReply {
  const filename = `${name}-${now.toISOString().slice(0, 10)}.csv`;
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store")
    .send(Readable.from(csvChunks(columns, rows)));
}
