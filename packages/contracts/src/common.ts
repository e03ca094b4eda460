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
export const adminRole = z.enum(["owner", "admin", "operator", "reviewer", "assistant"]);
export type AdminRoleName = z.infer<typeof adminRole>;

/** The ladder: each rung can do everything the rungs below it can. */
const ladder: Record<AdminRoleName, number> = { owner: 3, admin: 2, operator: 1, reviewer: 0, assistant: 0 };

/**
 * Whether `role` may do what needs `required`. Owner, admin and operator are a ladder. A reviewer
 * (courses' homework) and an assistant (delegated tasks) are desk roles beside it: each reaches
 * only its own desk, and an operator or higher reaches every desk.
 */
export function roleReaches(role: AdminRoleName, required: AdminRoleName): boolean {
  if (ladder[required] === 0) return role === required || ladder[role] >= ladder.operator;
  return ladder[role] >= ladder[required];
}

/**
 * Upper bounds of numeric inputs. Each is far below what its column holds (int4: 2^31 - 1), so
 * no input reaches the database as an overflow: a value out of range is a 400 naming the field.
 */
export const limits = {
  /** A price, discount, payout or adjustment, in minor units (kopecks) or whole Stars. */
  money: 1_000_000_000,
  /** Credits one product grants (the catalog's own rule). */
  productCredits: 1_000_000,
  /** Credits one adjustment or bonus moves. */
  credits: 1_000_000_000,
  /** Messages per period, fair-use caps. */
  quota: 1_000_000,
  /** A plan period or free/extra days of a promo code: ten years. */
  days: 3660,
  /** Position of a product in the catalog, either way. */
  sortOrder: 1_000_000,
  /** How many times a promo code may be used. */
  uses: 1_000_000_000,
  /** Telegram user and chat ids have at most 52 significant bits. */
  telegramId: 2 ** 52,
} as const;

/** A whole number within [min, max]; fractions, NaN and anything past the bounds are refused. */
export const boundedInt = (min: number, max: number) => z.number().int().min(min).max(max);
