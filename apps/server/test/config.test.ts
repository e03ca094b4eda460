import { describe, expect, it } from "vitest";
import { ConfigError, isWebhookMode, parseConfig } from "../src/config.ts";

describe("config", () => {
  it("has working defaults for a first start", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: "./data",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      LOG_LEVEL: "info",
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(isWebhookMode(config)).toBe(false);
  });

  it("names every bad variable", () => {
    const error = (() => {
      try {
        parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", BOT_TOKEN: "nope" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain("PORT:");
    expect(error?.message).toContain("DATABASE_URL: must be a postgres:// URL");
    expect(error?.message).toContain("BOT_TOKEN:");
  });

  it("treats empty values as unset (as .env files write them)", () => {
    expect(parseConfig({ DATABASE_URL: "", BOT_TOKEN: "" }).DATABASE_URL).toBeUndefined();
  });

  it("switches to webhook mode when PUBLIC_URL is set, without a trailing slash", () => {
    const config = parseConfig({ PUBLIC_URL: "https://bots.example.com/" });
    expect(config.PUBLIC_URL).toBe("https://bots.example.com");
    expect(isWebhookMode(config)).toBe(true);
  });

  it("refuses to run in production without LUMEN_SECRET", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/LUMEN_SECRET: is required in production/);
    expect(parseConfig({ NODE_ENV: "production", LUMEN_SECRET: "ab".repeat(32) }).LUMEN_SECRET).toBe(
      "ab".repeat(32),
    );
    expect(() => parseConfig({ LUMEN_SECRET: "short" })).toThrow(/LUMEN_SECRET/);
  });
});
