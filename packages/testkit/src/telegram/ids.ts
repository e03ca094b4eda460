import { randomBytes, randomInt } from "node:crypto";

const alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const urlSafe = `${alphanumeric}_-`;

/** Random strings from a fixed alphabet; crypto-backed so parallel test files never collide. */
export function generateRandomString(length: number, alphabet: string = alphanumeric): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Bot tokens look like Telegram's: "<bot id>:<35 url-safe chars>". */
export function generateBotToken(botId: number): string {
  return `${botId}:${generateRandomString(35, urlSafe)}`;
}

export function generateInviteHash(): string {
  return generateRandomString(16, urlSafe);
}

export function generateInvoiceSlug(): string {
  return generateRandomString(22, urlSafe);
}

/** Query ids (callback, pre-checkout) are opaque decimal strings in Telegram. */
export function generateQueryId(): string {
  return BigInt(`0x${randomBytes(8).toString("hex")}`).toString();
}

/** Star charges start with "stx"; card charges are opaque. */
export function generateChargeId(currency: string): string {
  const body = generateRandomString(48, urlSafe);
  return currency === "XTR" ? `stx${body}` : body;
}

export function generateFileId(): string {
  return `AgAC${generateRandomString(60, urlSafe)}`;
}

export function generateFileUniqueId(): string {
  return `AQAD${generateRandomString(12, urlSafe)}`;
}
