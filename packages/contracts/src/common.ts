import { z } from "zod";
import { errorCodesList } from "./error-codes.ts";

/**
 * Dates travel as ISO 8601 strings and are Date objects on both ends. Years outside 1970-9999
 * are refused: PostgreSQL has no year 0, and nothing Lumen stores is older than Unix time.
 */
export const timestamp = z.codec(
  z.iso.datetime({ offset: true }).refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }, "must be a date between 1970 and 9999"),
  z.date(),
  {
    decode: (value) => new Date(value),
    encode: (date) => date.toISOString(),
  },
);

export const errorResponse = z
  .object({
    error: z.object({
      code: z.enum(errorCodesList),
      message: z.string(),
      field: z.string().optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });

export const uuidParam = z.object({ id: z.uuid() });
export const adminRole = z.enum(["owner", "admin", "operator"]);
