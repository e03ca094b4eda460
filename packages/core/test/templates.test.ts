import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  cliActor,
  createBotTextCache,
  createSecretBox,
  isLumenError,
  listBotTexts,
  registerBot,
  resetBotText,
  saveBotText,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let botId: string;
let otherBotId: string;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const operator: Actor = { type: "admin", id: null, role: "operator" };
const box = createSecretBox(randomBytes(32));

const addBot = async (id: number) =>
  (
    await registerBot(t.core, cliActor, box, {
      token: `${id}:${"A".repeat(35)}`,
      me: { id, username: `texts${id}_bot`, firstName: `Texts ${id}` },
    })
  ).id;

/** The refusal a verb threw, as the HTTP layer would see it. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isLumenError(error)) return { code: error.code, message: error.message, ...error.details };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  t = await createTestCore();
  botId = await addBot(910_001);
  otherBotId = await addBot(910_002);
});
afterAll(() => t.database.close());

describe("bot texts", () => {
  it("an override is used by the bot's translator at once, only for that bot and language", async () => {
    const cache = createBotTextCache(t.core);
    expect((await cache.translatorsFor(botId))("en")("start-welcome-back", { name: "Ada" })).toBe(
      "Welcome back, Ada! What would you like to do?",
    );
    await saveBotText(t.core, admin, {
      botId,
      locale: "en",
      key: "start-welcome-back",
      source: "Hey { $name },\n\ngood to see you again!",
    });
    expect((await cache.translatorsFor(botId))("en")("start-welcome-back", { name: "Ada" })).toBe(
      "Hey Ada,\n\ngood to see you again!",
    );
    expect((await cache.translatorsFor(botId))("ru")("start-welcome-back", { name: "Ада" })).toBe(
      "С возвращением, Ада! Что хотите сделать?",
    );
    expect((await cache.translatorsFor(otherBotId))("en")("start-welcome-back", { name: "Ada" })).toBe(
      "Welcome back, Ada! What would you like to do?",
    );
  });

  it("a change made elsewhere (another process's cache) is seen on the next read", async () => {
    const here = createBotTextCache(t.core);
    const elsewhere = createBotTextCache(t.core);
    await here.translatorsFor(botId);
    await saveBotText(t.core, admin, { botId, locale: "en", key: "menu-title", source: "🏠 Home" });
    expect((await here.translatorsFor(botId))("en")("menu-title")).toBe("🏠 Home");
    expect((await elsewhere.translatorsFor(botId))("en")("menu-title")).toBe("🏠 Home");
  });

  it("refuses a Fluent syntax error with the line named", async () => {
    const refused = await refusal(
      saveBotText(t.core, admin, {
        botId,
        locale: "en",
        key: "start-greeting",
        source: "Hi, { $name }!\nI am { $bot",
      }),
    );
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", field: "source", line: 2 });
    expect(refused.message).toMatch(/^line 2: /);
  });

  it("refuses a variable the code does not pass, naming the line and the allowed ones", async () => {
    const refused = await refusal(
      saveBotText(t.core, admin, {
        botId,
        locale: "ru",
        key: "start-greeting",
        source: "Привет, { $name }!\n\nБаланс: { $balance }",
      }),
    );
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", field: "source", line: 3 });
    expect(refused.message).toContain("$balance");
    expect(refused.message).toContain("$name, $bot");
  });

  it("refuses an unknown key or language by field, and operators may read but not edit", async () => {
    expect(
      await refusal(saveBotText(t.core, admin, { botId, locale: "en", key: "nope", source: "x" })),
    ).toMatchObject({ field: "key" });
    expect(
      await refusal(saveBotText(t.core, admin, { botId, locale: "de", key: "menu-title", source: "x" })),
    ).toMatchObject({ field: "locale" });
    expect(
      await refusal(saveBotText(t.core, operator, { botId, locale: "en", key: "menu-title", source: "x" })),
    ).toMatchObject({ code: "FORBIDDEN" });
    const listed = await listBotTexts(t.core, operator, { botId });
    expect(listed.screens.length).toBeGreaterThan(3);
  });

  it("lists keys by screen with defaults, overrides and variables", async () => {
    const { screens } = await listBotTexts(t.core, admin, { botId });
    const menu = screens.find((s) => s.file === "menu");
    const greeting = menu?.entries.find((e) => e.key === "start-greeting");
    expect(greeting?.variables).toEqual(["name", "bot"]);
    expect(greeting?.texts.en.default).toContain("Hi, { $name }!");
    const back = menu?.entries.find((e) => e.key === "start-welcome-back");
    expect(back?.texts.en.override).toBe("Hey { $name },\n\ngood to see you again!");
    expect(back?.texts.ru.override).toBeNull();
  });

  it("reset to default deletes the override and the default applies again", async () => {
    const cache = createBotTextCache(t.core);
    await cache.translatorsFor(botId);
    expect(await resetBotText(t.core, admin, { botId, locale: "en", key: "start-welcome-back" })).toEqual({
      reset: true,
    });
    expect((await cache.translatorsFor(botId))("en")("start-welcome-back", { name: "Ada" })).toBe(
      "Welcome back, Ada! What would you like to do?",
    );
    expect(await resetBotText(t.core, admin, { botId, locale: "en", key: "start-welcome-back" })).toEqual({
      reset: false,
    });
  });
});
