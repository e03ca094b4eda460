import { LumenError } from "@lumen/core";
import type { FastifyInstance } from "fastify";

/** The path of the first string holding U+0000 in a parsed value, or undefined. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (!value || typeof value !== "object" || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold the NUL character: a string with one fails in the database as a
 * 500, whatever field it came in. Every request is checked once here, before validation, and
 * answered 400 naming the field, so no route has to remember it.
 */
export function installNulCheck(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const field =
      findNul(request.params, "params") ??
      findNul(request.query, "querystring") ??
      findNul(request.body, "body");
    if (field) {
      throw new LumenError("VALIDATION_FAILED", `${field}: must not contain the NUL character`, { field });
    }
  });
}
