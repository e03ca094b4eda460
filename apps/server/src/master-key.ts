import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.ts";

export const decodeSecret = (value: string): Buffer =>
  /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64url");

/**
 * The key that encrypts bot tokens and signs sessions. Outside production an unset
 * LUMEN_SECRET is generated once into DATA_DIR, so a first `npm start` needs no setup.
 */
export function loadMasterKey(config: Config, log: Logger): Buffer {
  if (config.LUMEN_SECRET) return decodeSecret(config.LUMEN_SECRET);
  const path = join(config.DATA_DIR, "lumen-secret.key");
  if (existsSync(path)) return decodeSecret(readFileSync(path, "utf8").trim());
  mkdirSync(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  log.warn(
    { path },
    "LUMEN_SECRET is not set: generated a new key into the data directory. Back it up, or set LUMEN_SECRET.",
  );
  return key;
}
