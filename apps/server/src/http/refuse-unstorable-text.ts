import { LumenError } from "@lumen/core";
import type { FastifyInstance } from "fastify";

/** Why PostgreSQL could not store this string, or undefined when it can. */
function unstorable(text: string): string | undefined {
  if (text.includes("\u0000")) return "must not contain the NUL character";
  // A lone surrogate (JSON allows "\ud800") has no UTF-8 form.
  if (!text.isWellFormed()) return "must be valid Unicode text";
  return undefined;
}

/** The path of the first string PostgreSQL could not store, and why. */
function findUnstorable(value: unknown, path: string, depth = 0): { field: string; why: string } | undefined {
  if (typeof value === "string") {
    const why = unstorable(value);
    return why ? { field: path, why } : undefined;
  }
  if (!value || typeof value !== "object" || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnstorable(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text holds neither the NUL character nor broken Unicode: such a string fails in
 * the database as a 500, whatever field it came in. Every request is checked once here, before
 * validation, and answered 400 naming the field, so no route has to remember it.
 */
export function installTextCheck(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const found =
      findUnstorable(request.params, "params") ??
      findUnstorable(request.query, "querystring") ??
      findUnstorable(request.body, "body");
    if (found) {
      throw new LumenError("VALIDATION_FAILED", `${found.field}: ${found.why}`, { field: found.field });
    }
  });
}
