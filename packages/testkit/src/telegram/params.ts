import { badRequest } from "./api-error.ts";

export type Params = Record<string, unknown>;

function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Telegram treats every parameter as text, so numbers are accepted where strings are expected. */
export function readString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (isMissing(value)) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`field "${name}" must be of type String`);
}

export function requireString(params: Params, name: string, missingMessage = `${name} is empty`): string {
  const value = readString(params, name);
  if (value === undefined || value === "") throw badRequest(missingMessage);
  return value;
}

export function readInteger(params: Params, name: string): number | undefined {
  const value = params[name];
  if (isMissing(value) || value === "") return undefined;
  const number = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number)) {
    throw badRequest(`invalid ${name} specified`);
  }
  return number;
}

export function requireInteger(params: Params, name: string, missingMessage = `${name} is empty`): number {
  const value = readInteger(params, name);
  if (value === undefined) throw badRequest(missingMessage);
  return value;
}

export function readBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (isMissing(value) || value === "") return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "1" || value === 1) return true;
  if (value === "false" || value === "0" || value === 0) return false;
  throw badRequest(`field "${name}" must be of type Boolean`);
}

/** JSON-typed parameters may arrive as objects (JSON body) or as serialized text (forms). */
export function readJson(params: Params, name: string, what: string): unknown {
  const value = params[name];
  if (isMissing(value) || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${what} JSON object`);
  }
}
