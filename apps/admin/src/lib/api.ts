import { ApiError } from "@lumen/ui/lib/api-error";
import type { z } from "zod";

export { ApiError };

export type Query = Record<string, string | number | boolean | null | undefined>;

type RequestOptions<T> = {
  query?: Query | undefined;
  body?: unknown;
  /** The contract's response schema: parses the JSON (ISO strings become Dates) and checks its shape. */
  schema?: z.ZodType<T> | undefined;
  signal?: AbortSignal | undefined;
};

/** Builds `/api/v1/...?a=1` from a path and a query, dropping empty values so URLs stay clean. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The panel's one door to the API: same-origin cookie session, JSON in snake_case as the server
 * speaks it, and every failure thrown as an ApiError. Only `features/<domain>/api/*` call it.
 */
export async function api<T = unknown>(
  method: string,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "The server cannot be reached. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "INTERNAL",
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.field,
    );
  }
  return options.schema ? options.schema.parse(json) : (json as T);
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
