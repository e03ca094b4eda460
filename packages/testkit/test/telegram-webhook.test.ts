import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, webhookCallback } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramEmulator, type TelegramEmulator } from "../src/index.ts";
import { createGrammyBot } from "./telegram-test-bot.ts";

type Hook = { url: string; headers: IncomingHttpHeaders[]; close(): Promise<void> };

async function startHookServer(handler: RequestListener): Promise<Hook> {
  const headers: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    headers.push(request.headers);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/telegram`,
    headers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("telegram emulator: webhooks", () => {
  let tg: TelegramEmulator;
  let hook: Hook | undefined;
  beforeEach(async () => {
    tg = await createTelegramEmulator({ webhookRetry: { attempts: 3, delayMs: 5 } });
  });
  afterEach(async () => {
    await tg.close();
    await hook?.close();
    hook = undefined;
  });

  it("POSTs updates with the secret token header to a grammY webhook", async () => {
    const handle = tg.createBot({ username: "hook_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const bot = createGrammyBot(tg, handle);
    bot.command("start", (ctx) => ctx.reply("Hello from the webhook"));
    hook = await startHookServer(webhookCallback(bot, "http", { secretToken: "s3cret_token" }));
    await bot.api.setWebhook(hook.url, { secret_token: "s3cret_token", allowed_updates: ["message"] });

    const update = await tg.sendText(handle, alice, "/start");
    const reply = await tg.waitForCall("sendMessage", (params) => params.chat_id === alice.id);
    await tg.waitForWebhookDelivery((delivery) => delivery.updateId === update.update_id);

    expect(reply.response).toMatchObject({ ok: true, result: { text: "Hello from the webhook" } });
    expect(hook.headers[0]?.["x-telegram-bot-api-secret-token"]).toBe("s3cret_token");
    expect(tg.webhookDeliveries).toEqual([
      expect.objectContaining({ url: hook.url, updateId: update.update_id, attempt: 1, status: 200 }),
    ]);
    const info = await bot.api.getWebhookInfo();
    expect(info).toMatchObject({ url: hook.url, pending_update_count: 0, allowed_updates: ["message"] });
  });

  it("in parallel mode keeps up to max_connections updates in flight, each delivered once", async () => {
    const parallel = await createTelegramEmulator({ webhookDelivery: "parallel" });
    try {
      const handle = parallel.createBot({ username: "busy_bot" });
      const held: Array<() => void> = [];
      const delivered: number[] = [];
      let inFlight = 0;
      let most = 0;
      // Each request is held until three are waiting: only parallel delivery gets past the first.
      hook = await startHookServer((request, response) => {
        let body = "";
        request.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        request.on("end", () => {
          delivered.push((JSON.parse(body) as { update_id: number }).update_id);
          most = Math.max(most, ++inFlight);
          held.push(() => {
            inFlight--;
            response.writeHead(200).end();
          });
          if (held.length === 3) for (const release of held.splice(0)) release();
        });
      });
      await new Bot(handle.token, { client: { apiRoot: parallel.apiRoot } }).api.setWebhook(hook.url, {
        max_connections: 3,
      });
      const updates = [];
      for (let i = 0; i < 6; i++) {
        updates.push(await parallel.sendText(handle, parallel.createUser({ firstName: `U${i}` }), "hi"));
      }
      await parallel.waitUntilHandled(handle);

      expect(most).toBe(3);
      expect(delivered.sort()).toEqual(updates.map((u) => u.update_id).sort());
      expect(parallel.pendingUpdates(handle)).toEqual([]);
    } finally {
      await parallel.close();
    }
  });

  it("retries a failed delivery and reports the error in getWebhookInfo", async () => {
    const handle = tg.createBot({ username: "flaky_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    let failuresLeft = 1;
    hook = await startHookServer((_request, response) => {
      response.writeHead(failuresLeft-- > 0 ? 500 : 200).end();
    });
    const bot = new Bot(handle.token, { client: { apiRoot: tg.apiRoot } });
    await bot.api.setWebhook(hook.url);

    const update = await tg.sendText(handle, alice, "hi");
    await tg.waitForWebhookDelivery((d) => d.updateId === update.update_id && d.status === 200);

    expect(tg.webhookDeliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    const info = await bot.api.getWebhookInfo();
    expect(info.last_error_message).toBe("Wrong response from the webhook: 500");
  });

  it("gives up after the configured attempts when the secret does not match", async () => {
    const handle = tg.createBot({ username: "secret_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const bot = createGrammyBot(tg, handle);
    hook = await startHookServer(webhookCallback(bot, "http", { secretToken: "expected" }));
    await bot.api.setWebhook(hook.url, { secret_token: "something_else" });

    await tg.sendText(handle, alice, "hi");
    const lastAttempt = await tg.waitForWebhookDelivery((delivery) => delivery.attempt === 3);
    expect(tg.webhookDeliveries.map((d) => d.status)).toEqual([401, 401, 401]);
    expect(lastAttempt.error).toBe("Wrong response from the webhook: 401");
  });

  it("executes a method returned in the webhook response", async () => {
    const handle = tg.createBot({ username: "reply_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const bot = new Bot(handle.token, {
      client: { apiRoot: tg.apiRoot, canUseWebhookReply: (method) => method === "sendMessage" },
    });
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    hook = await startHookServer(webhookCallback(bot, "http"));
    await bot.api.setWebhook(hook.url);

    await tg.sendText(handle, alice, "ping");
    const call = await tg.waitForCall("sendMessage");
    expect(call.params).toMatchObject({ chat_id: alice.id, text: "echo: ping" });
    expect(tg.chatHistory(alice.id).map((message) => message.text)).toEqual(["ping", "echo: ping"]);
  });

  it("queues updates for getUpdates again after deleteWebhook", async () => {
    const handle = tg.createBot({ username: "switch_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const bot = new Bot(handle.token, { client: { apiRoot: tg.apiRoot } });
    await bot.api.setWebhook("http://127.0.0.1:9/unreachable");
    await bot.api.deleteWebhook();
    await tg.sendText(handle, alice, "after");
    const updates = await bot.api.getUpdates();
    expect(updates.map((update) => update.message?.text)).toEqual(["after"]);
    expect(tg.webhookDeliveries).toEqual([]);
  });
});
