import { describe, expect, it } from "vitest";
import { createTranslator, locales, messageKeys, resolveLocale } from "../src/index.ts";

describe("locales", () => {
  it("every locale has exactly the same keys", () => {
    const [first, ...rest] = locales.map((l) => messageKeys(l).sort());
    expect(first?.length).toBeGreaterThan(10);
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it("formats arguments in each language", () => {
    expect(createTranslator("en")("start-welcome-back", { name: "Ada" })).toBe(
      "Welcome back, Ada! What would you like to do?",
    );
    expect(createTranslator("ru")("start-welcome-back", { name: "Ада" })).toBe(
      "С возвращением, Ада! Что хотите сделать?",
    );
  });

  it("shows an unknown key as itself instead of throwing", () => {
    expect(createTranslator("ru")("no-such-key")).toBe("no-such-key");
  });

  it("maps Telegram language codes to a locale", () => {
    expect(resolveLocale("ru")).toBe("ru");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("be")).toBe("ru");
    expect(resolveLocale("de")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
  });
});
