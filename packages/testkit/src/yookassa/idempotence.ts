import type { Answer } from "./yookassa-error.ts";

const WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_KEY_LENGTH = 64;

type Stored = { fingerprint: string; answer: Answer; at: number };

export type IdempotenceCheck = { kind: "fresh" } | { kind: "replay"; answer: Answer } | { kind: "conflict" };

export type IdempotenceStore = {
  check(key: string, fingerprint: string): IdempotenceCheck;
  /** Only carried-out operations are kept: a 4xx or 5xx leaves the key free for a corrected retry. */
  remember(key: string, fingerprint: string, answer: Answer): void;
};

/**
 * YooKassa's rule: within 24 h the same key with the same request gets the original
 * result again, the same key with another request is an error. Keys are per shop,
 * so one key cannot be reused across endpoints either.
 */
export function createIdempotenceStore(now: () => number): IdempotenceStore {
  const stored = new Map<string, Stored>();
  return {
    check(key, fingerprint) {
      const found = stored.get(key);
      if (!found || now() - found.at >= WINDOW_MS) {
        stored.delete(key);
        return { kind: "fresh" };
      }
      if (found.fingerprint !== fingerprint) return { kind: "conflict" };
      return { kind: "replay", answer: structuredClone(found.answer) };
    },
    remember(key, fingerprint, answer) {
      stored.set(key, { fingerprint, answer: structuredClone(answer), at: now() });
    },
  };
}

/**
 * What counts as "the same request": method, path and the JSON body with keys sorted,
 * so a client that serialises the same object in another key order is not refused.
 */
export function fingerprintRequest(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${canonicalJson(body)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
