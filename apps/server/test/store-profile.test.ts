import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/** The buyer's partner link and language in the store: the same verbs as the bot's /partner and /language. */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let botId: string;

beforeAll(async () => {
  ({ tg, bot, t, botId } = await createBotTestApp({ username: "profile_store_bot", firstName: "Profile" }));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const asBuyer = (user: Parameters<TelegramEmulator["launchMiniApp"]>[1]) => ({
  "x-telegram-init-data": tg.launchMiniApp(bot, user),
});

describe("the buyer's profile in the store", () => {
  it("gives the partner link the bot gives, and counts who came through it", async () => {
    const pat = tg.createUser({ firstName: "Pat", languageCode: "en" });
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/app/${botId}/partner`,
      headers: asBuyer(pat),
    });
    expect(res.statusCode).toBe(200);
    const partner = res.json();
    expect(partner).toMatchObject({
      clicks: 0,
      signups: 0,
      paying_users: 0,
      money: [],
      hold_days: expect.any(Number),
    });
    expect(partner.link).toMatch(/^https:\/\/t\.me\/profile_store_bot\?start=ref_[\w-]+$/);
    expect(textOf(await say(tg, bot, pat, "/partner"))).toContain(partner.link);

    const friend = tg.createUser({ firstName: "Friend", languageCode: "en" });
    await say(tg, bot, friend, `/start ${partner.link.split("start=")[1]}`);
    const after = await t.app.inject({
      method: "GET",
      url: `/api/v1/app/${botId}/partner`,
      headers: asBuyer(pat),
    });
    expect(after.json()).toMatchObject({ link: partner.link, signups: 1 });
  });

  it("keeps the chosen language for the store and the bot, and refuses one it does not speak", async () => {
    const lea = tg.createUser({ firstName: "Lea", languageCode: "en" });
    const me = () => t.app.inject({ method: "GET", url: `/api/v1/app/${botId}/me`, headers: asBuyer(lea) });
    expect((await me()).json().user).toMatchObject({ language: "en", locale: null });

    const put = (locale: string) =>
      t.app.inject({
        method: "PUT",
        url: `/api/v1/app/${botId}/language`,
        headers: asBuyer(lea),
        payload: { locale },
      });
    const bad = await put("de");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("body.locale");
    expect((await put("ru")).statusCode).toBe(204);
    expect((await me()).json().user.locale).toBe("ru");
    expect(textOf(await say(tg, bot, lea, "/balance"))).toMatch(/[а-я]/);
  });

  it("names the installed app after the bot, and knows no manifest of an unknown bot", async () => {
    const manifest = await t.app.inject({ method: "GET", url: `/app/${botId}/manifest.webmanifest` });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toMatchObject({
      name: "Profile",
      short_name: "Profile",
      id: `/app/${botId}/`,
      start_url: `/app/${botId}/`,
      scope: `/app/${botId}/`,
    });
    const unknown = await t.app.inject({
      method: "GET",
      url: "/app/00000000-0000-4000-8000-000000000000/manifest.webmanifest",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses a caller without Telegram's launch data", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/app/${botId}/partner` });
    expect(res.statusCode).toBe(401);
  });
});
