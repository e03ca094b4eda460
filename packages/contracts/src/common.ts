import { z } from "zod";
import { errorCodesList } from "./error-codes.ts";

/** Dates travel as ISO 8601 strings and are Date objects on both ends. */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (value) => new Date(value),
  encode: (date) => date.toISOString(),
});

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
