import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, deriveKey } from "../src/index.ts";

describe("secret box", () => {
  const box = createSecretBox(randomBytes(32));

  it("round-trips a bot token and never stores it in clear", () => {
    const token = "123456789:AAH-example_token_value_with_enough_chars";
    const sealed = box.encrypt(token);
    expect(sealed).not.toContain(token);
    expect(sealed.startsWith("v2.")).toBe(true);
    expect(box.decrypt(sealed)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(box.encrypt("same")).not.toBe(box.encrypt("same"));
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = box.encrypt("secret");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] as string, "base64url");
    body[0] = (body[0] as number) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => box.decrypt(parts.join("."))).toThrow();
  });

  it("cannot be opened with another key", () => {
    const other = createSecretBox(randomBytes(32));
    expect(() => other.decrypt(box.encrypt("secret"))).toThrow();
  });

  it("derives different keys for different purposes", () => {
    const master = randomBytes(32);
    expect(deriveKey(master, "a").equals(deriveKey(master, "b"))).toBe(false);
    expect(deriveKey(master, "a").equals(deriveKey(master, "a"))).toBe(true);
  });

  it("opens a secret only with the context it was sealed for", () => {
    const sealed = box.encrypt("token", "bot:a");
    expect(box.decrypt(sealed, "bot:a")).toBe("token");
    expect(() => box.decrypt(sealed, "bot:b")).toThrow();
    expect(() => box.decrypt(sealed)).toThrow();
  });

  it("refuses a truncated authentication tag", () => {
    const parts = box.encrypt("secret", "bot:a").split(".");
    parts[2] = Buffer.from(parts[2] as string, "base64url")
      .subarray(0, 4)
      .toString("base64url");
    expect(() => box.decrypt(parts.join("."), "bot:a")).toThrow();
  });
});
