import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkOverride,
  compileOverrides,
  createTranslator,
  defaultMessages,
  locales,
  messageKeys,
  resolveLocale,
} from "../src/index.ts";

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

describe("overrides", () => {
  it("every default text passes its own checks and renders the same when saved as an override", () => {
    for (const locale of locales) {
      const messages = defaultMessages(locale);
      const edited = createTranslator(locale, compileOverrides(locale, messages));
      const original = createTranslator(locale);
      for (const message of messages) {
        expect(checkOverride(message.text, message.variables), message.key).toEqual([]);
        for (const n of [1, 2, 5]) {
          const args = Object.fromEntries(message.variables.map((v) => [v, n]));
          expect(edited(message.key, args), message.key).toBe(original(message.key, args));
        }
      }
    }
  });

  it("refuses a line that Fluent reads as an attribute, naming it, instead of saving a text with no value", () => {
    expect(checkOverride(".A=!", [])).toEqual([
      { line: 1, message: "A line starting with `.name =` is not text here; start that line differently" },
    ]);
    expect(checkOverride("Hello\n.title = x", []).map((p) => p.line)).toEqual([2]);
  });

  it("never throws on any text: either problems with a line inside the text, or a text that renders", () => {
    const fluentish = fc.stringMatching(/^[a-z{}$\-> \n*[\].0-9"\\]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fluentish), (text) => {
        const problems = checkOverride(text, ["name"]);
        const lines = Math.max(1, text.replace(/\s+$/, "").split(/\r\n?|\n/).length);
        for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
        for (const p of problems) expect(p.line).toBeLessThanOrEqual(lines);
        if (problems.length === 0) {
          const bundle = compileOverrides("en", [{ key: "k", text }]);
          const message = bundle.getMessage("k");
          expect(message?.value).toBeTruthy();
          if (message?.value) bundle.formatPattern(message.value, { name: "Ada" }, []);
        }
      }),
      // A fixed seed keeps CI deterministic; FC_SEED explores others (the seed is printed on failure).
      { numRuns: 2000, seed: Number(process.env.FC_SEED ?? 20261201) },
    );
  });
});
