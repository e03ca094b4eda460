import type { Update } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";

/** What Telegram leaves out when allowed_updates is empty or was never set. */
const EXCLUDED_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function getUpdateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/** `allowed` undefined or empty means Telegram's default set. */
export function isUpdateAllowed(update: Update, allowed: readonly string[] | undefined): boolean {
  const kind = getUpdateKind(update);
  if (!allowed || allowed.length === 0) return !EXCLUDED_BY_DEFAULT.has(kind);
  return allowed.includes(kind);
}

/** Accepts the array or its JSON text, as Telegram does for every JSON-typed parameter. */
export function parseAllowedUpdates(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw badRequest("can't parse allowed updates JSON object");
    }
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) {
    throw badRequest("can't parse allowed updates JSON object");
  }
  return parsed;
}
