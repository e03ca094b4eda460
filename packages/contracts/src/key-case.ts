type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** The type of an object with its keys in snake_case, as the HTTP API spells them. */
export type SnakeKeys<T> = T extends Date
  ? T
  : T extends Array<infer Item>
    ? SnakeKeys<Item>[]
    : T extends object
      ? { [K in keyof T as K extends string ? SnakeCase<K> : K]: SnakeKeys<T[K]> }
      : T;

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The API speaks snake_case (like Telegram's and the seeds' APIs); the code speaks camelCase.
 * Routes convert at the boundary with this, once, instead of mapping fields by hand.
 */
export function snakeKeys<T>(value: T): SnakeKeys<T> {
  if (Array.isArray(value)) return value.map(snakeKeys) as SnakeKeys<T>;
  if (value === null || typeof value !== "object" || value instanceof Date) return value as SnakeKeys<T>;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [toSnake(k), snakeKeys(v)]),
  ) as SnakeKeys<T>;
}

const toCamel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Request bodies arrive in snake_case; verbs take camelCase. The verb validates the result,
 * so this only renames keys (deeply); it does not check types.
 */
// biome-ignore lint/suspicious/noExplicitAny: the verb's own schema types and validates the result
export function camelKeys(value: unknown): any {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toCamel(k), camelKeys(v)]));
}
