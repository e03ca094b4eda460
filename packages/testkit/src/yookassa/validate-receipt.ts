import { formatMoney, isProblem, type Money, readAmount } from "./money.ts";
import type { Problem } from "./yookassa-error.ts";

/**
 * YooKassa's vat_code table runs 1-12 (7-10 are the 5%/7% rates, 11-12 the 22% rate
 * from 2026), so accepting only 1-6 would refuse receipts production takes.
 */
const VAT_CODES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const PAYMENT_MODES = new Set([
  "full_prepayment",
  "partial_prepayment",
  "advance",
  "full_payment",
  "partial_payment",
  "credit",
  "credit_payment",
]);
const MAX_ITEMS = 100;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?\d{7,15}$/;

/**
 * Checks a 54-FZ receipt the way YooKassa does before creating anything: a customer
 * contact, well-formed items, and item totals (unit price x quantity) adding up to
 * `total` to the kopeck. Parameters are named like YooKassa's (`receipt.items.vat_code`,
 * no index); the description says which item.
 */
export function checkReceipt(receipt: unknown, total: Money): Problem | undefined {
  if (!isRecord(receipt))
    return { parameter: "receipt", description: "Receipt is missing or is not an object" };
  const customer = receipt.customer;
  const email = isRecord(customer) ? customer.email : undefined;
  const phone = isRecord(customer) ? customer.phone : undefined;
  if (email === undefined && phone === undefined) {
    return {
      parameter: "receipt.customer",
      description:
        "Receipt must have receipt.customer.email or receipt.customer.phone to send the receipt to",
    };
  }
  if (email !== undefined && (typeof email !== "string" || !EMAIL.test(email))) {
    return { parameter: "receipt.customer.email", description: `Invalid email: ${JSON.stringify(email)}` };
  }
  if (phone !== undefined && (typeof phone !== "string" || !PHONE.test(phone))) {
    return {
      parameter: "receipt.customer.phone",
      description: `Invalid phone ${JSON.stringify(phone)}: use ITU-T E.164, e.g. "79000000000"`,
    };
  }
  const items = receipt.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
    return {
      parameter: "receipt.items",
      description: `Receipt must have between 1 and ${MAX_ITEMS} items`,
    };
  }
  let sum = 0;
  for (const [index, item] of items.entries()) {
    const checked = checkItem(item, index, total.currency);
    if (isProblem(checked)) return checked;
    sum += checked;
  }
  if (sum !== total.kopecks) {
    return {
      parameter: "receipt.items",
      description: `The sum of the receipt items (${formatMoney(sum)}) does not match the amount (${formatMoney(total.kopecks)})`,
    };
  }
  return undefined;
}

/** Returns the item's total in kopecks. */
function checkItem(item: unknown, index: number, currency: string): number | Problem {
  const where = `receipt.items[${index}]`;
  if (!isRecord(item)) return { parameter: "receipt.items", description: `${where} is not an object` };
  const { description, quantity, vat_code: vatCode, payment_mode: mode, payment_subject: subject } = item;
  if (typeof description !== "string" || description.length === 0 || description.length > 128) {
    return {
      parameter: "receipt.items.description",
      description: `${where}.description must be a string of 1-128 characters`,
    };
  }
  const count = typeof quantity === "string" ? Number(quantity) : quantity;
  if (typeof count !== "number" || !Number.isFinite(count) || count <= 0) {
    return {
      parameter: "receipt.items.quantity",
      description: `${where}.quantity must be a positive number; got ${JSON.stringify(quantity)}`,
    };
  }
  const price = readAmount(item.amount, "receipt.items.amount", currency);
  if (isProblem(price)) return { ...price, description: `${where}: ${price.description}` };
  if (typeof vatCode !== "number" || !VAT_CODES.has(vatCode)) {
    return {
      parameter: "receipt.items.vat_code",
      description: `${where}.vat_code must be an integer from 1 to 12; got ${JSON.stringify(vatCode)}`,
    };
  }
  if (mode !== undefined && (typeof mode !== "string" || !PAYMENT_MODES.has(mode))) {
    return {
      parameter: "receipt.items.payment_mode",
      description: `${where}.payment_mode ${JSON.stringify(mode)} is not a known payment mode`,
    };
  }
  if (subject !== undefined && typeof subject !== "string") {
    return {
      parameter: "receipt.items.payment_subject",
      description: `${where}.payment_subject must be a string`,
    };
  }
  return Math.round(price.kopecks * count);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
