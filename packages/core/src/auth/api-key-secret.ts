import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "lmn_";

/** 256 random bits: high enough entropy that a fast hash is as safe as a slow one. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
