import { randomBytes } from "node:crypto";
import { createAdjustableClock } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * Signing in to the installed app outside Telegram (seed 000): a code confirmed in the bot,
 * collected once by the browser that asked for it, then refreshed and revoked like a session.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let key: string;
let botId: string;
const clock = createAdjustableClock();

beforeAll(async () => {
  ({ tg, bot, t, key, botId } = await createBotTestApp(
    { username: "signin_store_bot", firstName: "Sign-in Store" },
    { clock },
  ));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const newBrowserKey = () => randomBytes(32).toString("base64url");
let address = 0;

/** Each scenario asks from its own address, so the per-address limit is only met where tested. */
async function askForCode(browserKey: string, ip = `10.0.0.${++address}`) {
  const res = await t.app.inject({
    method: "POST",
    url: `/api/v1/app/${botId}/auth/login`,
    payload: { browser_key: browserKey },
    remoteAddress: ip,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { code: string; link: string; expires_at: string };
}

const poll = (code: string, browserKey: string) =>
  t.app.inject({ url: `/api/v1/auth/status/${code}`, headers: { "x-browser-key": browserKey } });

async function answerInBot(user: ReturnType<TelegramEmulator["createUser"]>, code: string, label: string) {
  const question = await say(tg, bot, user, `/start login_${code}`);
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(question), callbackDataOf(question, label));
  return {
    question,
    answer: await tg.waitForCall("editMessageText", (p) => p.chat_id === user.id, { after }),
  };
}

describe("signing in to the store app with Telegram", () => {
  it("confirmed in the bot, the asking browser gets a session once; it opens the store and refreshes", async () => {
    const browser = newBrowserKey();
    const login = await askForCode(browser);
    expect(login.link).toBe(`https://t.me/signin_store_bot?start=login_${login.code}`);
    expect((await poll(login.code, browser)).json()).toEqual({ status: "pending", tokens: null });

    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const { question, answer } = await answerInBot(ann, login.code, "✅ Yes, sign in");
    expect(textOf(question)).toContain("Sign in to the Sign-in Store store on a new device?");
    expect(textOf(answer)).toContain("Signed in");

    const confirmed = (await poll(login.code, browser)).json();
    expect(confirmed.status).toBe("confirmed");
    const { access_token, refresh_token } = confirmed.tokens;
    expect((await poll(login.code, browser)).statusCode).toBe(404);

    const me = await t.app.inject({
      url: `/api/v1/app/${botId}/me`,
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(me.json().user.first_name).toBe("Ann");
    // The buyer's token is not an operator's, nor the other way round.
    expect(
      (await t.app.inject({ url: "/api/v1/users", headers: { authorization: `Bearer ${access_token}` } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ url: `/api/v1/app/${botId}/me`, headers: { "x-auth-key": key } })).statusCode,
    ).toBe(401);

    const refresh = (token: string) =>
      t.app.inject({ method: "POST", url: "/api/v1/app/auth/refresh", payload: { refresh_token: token } });
    const renewed = await refresh(refresh_token);
    expect(renewed.statusCode).toBe(200);
    expect((await refresh(refresh_token)).statusCode).toBe(401);
    const fresh = renewed.json().access_token as string;
    expect(
      (await t.app.inject({ url: `/api/v1/app/${botId}/me`, headers: { authorization: `Bearer ${fresh}` } }))
        .statusCode,
    ).toBe(200);
  });

  it("a refusal in the bot is what the browser learns, and the code cannot be answered again", async () => {
    const browser = newBrowserKey();
    const login = await askForCode(browser);
    const bo = tg.createUser({ firstName: "Bo", languageCode: "en" });
    const { question, answer } = await answerInBot(bo, login.code, "❌ No");
    expect(textOf(answer)).toContain("Sign-in refused");
    expect((await poll(login.code, browser)).json()).toEqual({ status: "denied", tokens: null });
    // The question loses its buttons once answered, and the link is spent.
    expect(
      tg.chatHistory(bo).find((m) => m.message_id === sentMessage(question).message_id)?.reply_markup,
    ).toBeUndefined();
    expect(textOf(await say(tg, bot, bo, `/start login_${login.code}`))).toContain("invalid or has expired");
    expect((await poll(login.code, browser)).json().status).toBe("denied");
  });

  it("another browser polling the code finds nothing and takes nothing", async () => {
    const browser = newBrowserKey();
    const login = await askForCode(browser);
    await answerInBot(tg.createUser({ firstName: "Cy" }), login.code, "✅ Yes, sign in");
    expect((await poll(login.code, newBrowserKey())).statusCode).toBe(404);
    expect((await poll(login.code, browser)).json().status).toBe("confirmed");
  });

  it("a code expires after five minutes: the bot says so and the browser is told", async () => {
    const browser = newBrowserKey();
    const login = await askForCode(browser);
    clock.advance(5 * 60_000 + 1000);
    const dee = tg.createUser({ firstName: "Dee", languageCode: "en" });
    expect(textOf(await say(tg, bot, dee, `/start login_${login.code}`))).toContain("invalid or has expired");
    expect((await poll(login.code, browser)).json()).toEqual({ status: "expired", tokens: null });
  });

  it("limits codes per address and refuses malformed input naming the field", async () => {
    for (let i = 0; i < 10; i++) await askForCode(newBrowserKey(), "10.9.9.9");
    const limited = await t.app.inject({
      method: "POST",
      url: `/api/v1/app/${botId}/auth/login`,
      payload: { browser_key: newBrowserKey() },
      remoteAddress: "10.9.9.9",
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    const short = await t.app.inject({
      method: "POST",
      url: `/api/v1/app/${botId}/auth/login`,
      payload: { browser_key: "short" },
    });
    expect([short.statusCode, short.json().error.field]).toEqual([400, "body.browser_key"]);
    const badCode = await poll("lowercase1", newBrowserKey());
    expect([badCode.statusCode, badCode.json().error.field]).toEqual([400, "params.code"]);
    // Past the router's parameter limit: the same error shape, from before any route runs.
    const huge = await poll("x".repeat(2000), newBrowserKey());
    expect([huge.statusCode, huge.json().error.field]).toEqual([414, "params"]);
  });

  it("/sessions in the bot and the admin panel sign a device out at once", async () => {
    const eve = tg.createUser({ firstName: "Eve", languageCode: "en" });
    const tokens = [];
    for (let i = 0; i < 2; i++) {
      const browser = newBrowserKey();
      const login = await askForCode(browser);
      await answerInBot(eve, login.code, "✅ Yes, sign in");
      tokens.push((await poll(login.code, browser)).json().tokens.access_token as string);
    }
    const meWith = (token: string) =>
      t.app.inject({ url: `/api/v1/app/${botId}/me`, headers: { authorization: `Bearer ${token}` } });
    const list = await say(tg, bot, eve, "/sessions");
    expect(textOf(list)).toContain("Devices signed in to the store app");
    const after = tg.calls.length;
    await tg.pressButton(bot, eve, sentMessage(list), callbackDataOf(list, "Sign out device 1"));
    await tg.waitForCall("editMessageText", (p) => p.chat_id === eve.id, { after });
    const statuses = [
      (await meWith(tokens[0] as string)).statusCode,
      (await meWith(tokens[1] as string)).statusCode,
    ];
    expect(statuses.sort()).toEqual([200, 401]);

    const userId = (await meWith(tokens.find(async () => true) as string)).json().user?.id;
    const users = await t.app.inject({
      url: `/api/v1/users?telegram_id=${eve.id}`,
      headers: { "x-auth-key": key },
    });
    const id = userId ?? users.json().items[0].id;
    const signOut = await t.app.inject({
      method: "POST",
      url: `/api/v1/users/${id}/sign-out-app`,
      headers: { "x-auth-key": key },
    });
    expect(signOut.json()).toEqual({ ended: 1 });
    for (const token of tokens) expect((await meWith(token)).statusCode).toBe(401);
  });
});
