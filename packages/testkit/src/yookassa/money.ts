import type { Problem } from "./yookassa-error.ts";

/** Kopecks are integers, so sums and comparisons never meet floating point. */
export type Money = { kopecks: number; currency: string };

/** Stricter than YooKassa on purpose ("990" and 990 are refused): the client should always send two places. */
const VALUE = /^(0|[1-9]\d{0,12})\.\d{2}$/;

export function formatMoney(kopecks: number): string {
  return `${Math.trunc(kopecks / 100)}.${String(kopecks % 100).padStart(2, "0")}`;
}

export function toAmount(money: Money): { value: string; currency: string } {
  return { value: formatMoney(money.kopecks), currency: money.currency };
}

/**
 * Checks an `amount` object; `currency` is the one the context demands (RUB for a
 * payment, the payment's currency for a refund or receipt item).
 */
export function readAmount(amount: unknown, parameter: string, currency: string): Money | Problem {
  if (typeof amount !== "object" || amount === null || Array.isArray(amount)) {
    return { parameter, description: `Parameter '${parameter}' is missing or is not an object` };
  }
  const { value, currency: given } = amount as Record<string, unknown>;
  if (typeof value !== "string" || !VALUE.test(value)) {
    return {
      parameter: `${parameter}.value`,
      description: `Invalid parameter's value: '${parameter}.value' must be a string with two decimal places, like "990.00"; got ${JSON.stringify(value)}`,
    };
  }
  const [whole, fraction] = value.split(".") as [string, string];
  const kopecks = Number(whole) * 100 + Number(fraction);
  if (kopecks <= 0) {
    return { parameter: `${parameter}.value`, description: `'${parameter}.value' must be greater than 0` };
  }
  if (given !== currency) {
    return {
      parameter: `${parameter}.currency`,
      description: `Invalid parameter's value: '${parameter}.currency' must be "${currency}"; got ${JSON.stringify(given)}`,
    };
  }
  return { kopecks, currency };
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "parameter" in value && "description" in value;
}
