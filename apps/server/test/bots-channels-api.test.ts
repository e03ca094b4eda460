import {
  cliActor,
  createApiKey,
  extendPlan,
  recordAccessEvent,
  recordChatInvite,
  upsertTelegramUser,
} from "@lumen/core";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";
import { wait } from "./support/wait.ts";

const DAY = 86_400_000;
let tg: TelegramEmulator;
let t: TestApp;
let hook: TestApp;
let hookTg: TelegramEmulator | undefined;
let handle: BotHandle;
const keys: Record<"owner" | "admin" | "operator", string> = { owner: "", admin: "", operator: "" };
const core = () => t.core;

const secrets = {
  TELEGRAM_PROVIDER_TOKEN: "284685063:TEST:providersecret4242",
  YOOKASSA_SHOP_ID: "506751",
  YOOKASSA_SECRET_KEY: "test_yookassasecret4242",
  OPENAI_API_KEY: "sk-openaisecret4242",
  OPENAI_BASE_URL: "https://llmuser:basesecret4242@llm.example.com/v1",
  LUMEN_SECRET: "ab".repeat(32),
  DATABASE_URL: "postgres://lumen:dbsecret4242@db.example.com/lumen",
  BOT_TOKEN: `123456:${"S".repeat(35)}`,
};

beforeAll(async () => {
  tg = await createTelegramEmulator();
  t = await createTestApp({ apiRoot: tg.apiRoot, env: secrets });
  for (const role of ["owner", "admin", "operator"] as const)
    keys[role] = (await createApiKey(core(), cliActor, { name: role, role })).key;
  handle = tg.createBot({ username: "panel_bot", firstName: "Panel" });
});
afterAll(async () => {
  await t?.close();
  await hook?.close();
  await hookTg?.close();
  await tg?.close();
});

const api = (
  role: keyof typeof keys,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: Record<string, unknown>,
  app = t,
) =>
  app.app.inject({
    method,
    url,
    headers: { "x-auth-key": keys[role] },
    ...(payload === undefined ? {} : { payload }),
  });

describe("bots", () => {
  it("adds a bot by token after asking Telegram, and names the token when it is bad", async () => {
    const malformed = await api("owner", "POST", "/api/v1/bots", { token: "not a token" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "body.token" });
    const unknown = await api("owner", "POST", "/api/v1/bots", { token: `999:${"x".repeat(35)}` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "token" });
    expect((await api("admin", "POST", "/api/v1/bots", { token: handle.token })).statusCode).toBe(403);

    const added = await api("owner", "POST", "/api/v1/bots", { token: handle.token });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ username: "panel_bot", enabled: true, last_update_at: null });
    expect(added.body).not.toContain(handle.token);
    const list = await api("admin", "GET", "/api/v1/bots");
    expect(list.json()).toMatchObject({ mode: "polling", items: [{ username: "panel_bot" }] });
    expect((await api("operator", "GET", "/api/v1/bots")).statusCode).toBe(403);
  });

  it("records the last update seen, at most once a minute", async () => {
    const [bot] = (await api("admin", "GET", "/api/v1/bots")).json().items;
    await tg.waitForPolling(handle);
    const user = tg.createUser({ firstName: "Seen", languageCode: "en" });
    await tg.sendText(handle, user, "/start");
    await tg.waitUntilHandled(handle);
    const first = (await api("admin", "GET", `/api/v1/bots/${bot.id}`)).json().last_update_at;
    expect(first).not.toBeNull();
    await tg.sendText(handle, user, "/start");
    await tg.waitUntilHandled(handle);
    expect((await api("admin", "GET", `/api/v1/bots/${bot.id}`)).json().last_update_at).toBe(first);
  });

  it("turns a bot off and on and changes its features, restarting it", async () => {
    const [bot] = (await api("admin", "GET", "/api/v1/bots")).json().items;
    expect((await api("operator", "PATCH", `/api/v1/bots/${bot.id}`, { enabled: false })).statusCode).toBe(
      403,
    );
    const empty = await api("admin", "PATCH", `/api/v1/bots/${bot.id}`, {});
    expect(empty.statusCode).toBe(400);
    const twice = await api("admin", "PATCH", `/api/v1/bots/${bot.id}`, { features: ["shop", "shop"] });
    expect(twice.json().error.field).toBe("body.features");
    const wrong = await api("admin", "PATCH", `/api/v1/bots/${bot.id}`, { features: ["casino"] });
    expect(wrong.json().error.field).toMatch(/^body\.features/);

    const off = await api("admin", "PATCH", `/api/v1/bots/${bot.id}`, { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false });
    expect(t.bots.runningBots()).not.toContain(bot.id);
    const on = await api("admin", "PATCH", `/api/v1/bots/${bot.id}`, {
      enabled: true,
      features: ["shop", "access"],
    });
    expect(on.json()).toMatchObject({ enabled: true, features: ["shop", "access"] });
    expect(t.bots.runningBots()).toContain(bot.id);
    await tg.waitForPolling(handle);
    const audit = await api("admin", "GET", `/api/v1/audit?entity_type=bot&entity_id=${bot.id}`);
    expect(audit.json().items[0]).toMatchObject({
      action: "bot.update",
      data: { after: { enabled: true, features: ["shop", "access"] } },
    });
    expect(
      (await api("admin", "PATCH", "/api/v1/bots/00000000-0000-4000-8000-000000000000", { enabled: true }))
        .statusCode,
    ).toBe(404);
  });

  it("reports Telegram's webhook status: in polling mode no URL, in webhook mode the last delivery error", async () => {
    const [bot] = (await api("admin", "GET", "/api/v1/bots")).json().items;
    const polling = await api("admin", "GET", `/api/v1/bots/${bot.id}/webhook`);
    expect(polling.json()).toMatchObject({ mode: "polling", url: "", last_error_message: null });

    // A Telegram of its own, whose webhook calls go to an address where nothing listens.
    const hookTelegram = await createTelegramEmulator();
    hookTg = hookTelegram;
    hook = await createTestApp({
      apiRoot: hookTelegram.apiRoot,
      mode: { kind: "webhook", publicUrl: "http://127.0.0.1:9" },
    });
    const other = hookTelegram.createBot({ username: "hook_panel_bot", firstName: "Hook" });
    const ownerKey = (
      await createApiKey(hook.core, cliActor, {
        name: "o",
        role: "owner",
      })
    ).key;
    const added = await hook.app.inject({
      method: "POST",
      url: "/api/v1/bots",
      headers: { "x-auth-key": ownerKey },
      payload: { token: other.token },
    });
    const id = added.json().id;
    await hookTelegram.sendText(other, hookTelegram.createUser({ firstName: "Lost" }), "/start");
    await hookTelegram.waitForWebhookDelivery((d) => d.token === other.token && d.status === null);
    const status = await hook.app.inject({
      url: `/api/v1/bots/${id}/webhook`,
      headers: { "x-auth-key": ownerKey },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      mode: "webhook",
      url: `http://127.0.0.1:9/telegram/${id}`,
      max_connections: 40,
    });
    expect(status.json().last_error_message).toEqual(expect.any(String));
    expect(status.json().last_error_date).toEqual(expect.any(String));
    expect(status.json().allowed_updates).toEqual(
      expect.arrayContaining(["chat_member", "chat_join_request"]),
    );
  });
});

describe("channels", () => {
  let channelId: string;
  let chatId: number;

  it("records a chat the bot was added to, with the rights it is missing", async () => {
    const chat = tg.createChat({ type: "supergroup", title: "Signals" });
    chatId = chat.id;
    await tg.addBotToChat(handle, chat, {
      status: "administrator",
      rights: { can_invite_users: true, can_restrict_members: false },
    });
    await tg.waitUntilHandled(handle);
    const list = await vi.waitFor(async () => {
      const items = (await api("operator", "GET", "/api/v1/channels")).json().items;
      expect(items).toHaveLength(1);
      return items;
    }, wait);
    channelId = list[0].id;
    const detail = await api("operator", "GET", `/api/v1/channels/${channelId}`);
    expect(detail.json()).toMatchObject({
      title: "Signals",
      join_mode: "invite_link",
      missing_rights: ["can_restrict_members"],
      access: { holders: [], total: 0 },
    });
    expect(
      (await api("operator", "GET", "/api/v1/channels/00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
  });

  it("shows who has access now and where each stands", async () => {
    const [bot] = (await api("admin", "GET", "/api/v1/bots")).json().items;
    const now = new Date();
    const people = [];
    for (const name of ["Joiner", "Invitee"]) {
      const user = await upsertTelegramUser(core(), { telegramId: 70_000 + people.length, firstName: name });
      const plan = await extendPlan(t.database.db, now, {
        grantKey: `test:${name}`,
        userId: user.id,
        planCode: "signals",
        title: "Signals month",
        periodDays: 30,
        messagesPerPeriod: null,
        botId: bot.id,
        channelIds: [chatId],
      });
      await recordChatInvite(core(), {
        subscriptionId: plan.id,
        userId: user.id,
        botId: bot.id,
        chatId,
        inviteLink: `https://t.me/+${name}`,
        createsJoinRequest: false,
        expiresAt: new Date(now.getTime() + DAY),
      });
      people.push(user);
    }
    await recordAccessEvent(core(), {
      kind: "member_joined",
      botId: bot.id,
      chatId,
      telegramUserId: 70_000,
      inviteLink: "https://t.me/+Joiner",
      at: now,
    });
    const detail = (await api("operator", "GET", `/api/v1/channels/${channelId}`)).json();
    expect(detail.access.total).toBe(2);
    expect(
      detail.access.holders.map((h: { user: { first_name: string }; join_state: string }) => [
        h.user.first_name,
        h.join_state,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["Joiner", "joined"],
        ["Invitee", "invited"],
      ]),
    );
    expect(detail.access.holders[0].subscription).toMatchObject({ title: "Signals month", status: "active" });
  });

  it("pages the access log with filters, and names a bad filter", async () => {
    const url = `/api/v1/channels/${channelId}/access-log`;
    const all = (await api("operator", "GET", `${url}?limit=2`)).json();
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({ kind: "member_joined", user: { first_name: "Joiner" } });
    const rest = (await api("operator", "GET", `${url}?limit=2&cursor=${all.next_cursor}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.next_cursor).toBeNull();
    const ids = [...all.items, ...rest.items].map((e: { id: number }) => e.id);
    expect(new Set(ids).size).toBe(3);

    const issued = (await api("operator", "GET", `${url}?kind=invite_issued`)).json();
    expect(issued.items.map((e: { kind: string }) => e.kind)).toEqual(["invite_issued", "invite_issued"]);
    const several = (await api("operator", "GET", `${url}?kind=invite_issued,member_joined`)).json();
    expect(several.items).toHaveLength(3);
    const joiner = all.items[0].user_id;
    expect((await api("operator", "GET", `${url}?user_id=${joiner}`)).json().items).toHaveLength(2);
    const future = new Date(Date.now() + DAY).toISOString();
    expect((await api("operator", "GET", `${url}?from=${future}`)).json().items).toEqual([]);
    expect((await api("operator", "GET", `${url}?to=${future}`)).json().items).toHaveLength(3);

    for (const [query, field] of [
      ["kind=nonsense", "querystring.kind"],
      ["cursor=abc", "querystring.cursor"],
      ["user_id=42", "querystring.user_id"],
      ["from=yesterday", "querystring.from"],
      ["limit=500", "querystring.limit"],
    ] as Array<[string, string]>) {
      const res = await api("operator", "GET", `${url}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toMatch(new RegExp(`^${field.replace(".", "\\.")}`));
    }
  });

  it("lets admins, not operators, switch the join mode", async () => {
    const url = `/api/v1/channels/${channelId}`;
    expect((await api("operator", "PATCH", url, { join_mode: "join_request" })).statusCode).toBe(403);
    expect((await api("admin", "PATCH", url, { join_mode: "door" })).json().error.field).toBe(
      "body.join_mode",
    );
    const res = await api("admin", "PATCH", url, { join_mode: "join_request" });
    expect(res.json()).toMatchObject({ join_mode: "join_request", access: { total: 2 } });
  });
});

describe("settings", () => {
  it("say what is configured and never a secret", async () => {
    const res = await api("admin", "GET", "/api/v1/settings");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: "test",
      bot_mode: "polling",
      database: t.database.driver,
      payments: {
        telegram_stars: { enabled: true },
        telegram_payments: { enabled: true, mode: "test" },
        yookassa: { enabled: true, mode: "test", shop_id: "506751" },
        mock: { enabled: false },
      },
      ai: { configured: true, base_url: "https://llm.example.com/v1", default_model: "test-mini" },
      trial: { messages: 3, days: null },
    });
    expect(res.json().ai.models).toEqual([
      { id: "test-mini", price: 1 },
      { id: "test-max", price: 5 },
    ]);
    for (const secret of [
      "providersecret4242",
      "yookassasecret4242",
      "sk-openaisecret4242",
      "basesecret4242",
      "dbsecret4242",
      secrets.LUMEN_SECRET,
      secrets.BOT_TOKEN,
    ])
      expect(res.body).not.toContain(secret);
    expect((await api("operator", "GET", "/api/v1/settings")).statusCode).toBe(403);
  });
});
