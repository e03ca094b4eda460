/**
 * Raw aggregate queries come back as an array (PGlite) or as `{ rows }` (node-postgres); read-only
 * verbs read both the same way. Numbers from SUM/COUNT may arrive as strings or bigints: `num`
 * turns them into integers (exact well past any real revenue: 2^53 minor units).
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** A json column or aggregate: parsed already by one driver, a string from another. */
export const jsonOf = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
