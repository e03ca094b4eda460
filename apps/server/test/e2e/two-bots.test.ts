import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../support/bot-journey.ts";
import { createLumenHome, type LumenProcess, runLumenCli, startLumen } from "../support/lumen-process.ts";

let tg: TelegramEmulator;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let lumen: LumenProcess;
let ownerKey: string;

beforeAll(async () => {
  tg = await createTelegramEmulator();
  home = await createLumenHome();
  const created = await runLumenCli(home.env, [
    "api-key",
    "create",
    "--name",
    "setup",
    "--key-role",
    "owner",
  ]);
  expect(created.code, created.stderr).toBe(0);
  ownerKey = created.stdout.trim();
});
afterAll(async () => {
  await lumen?.stop();
  await tg?.close();
  await home?.cleanup();
});

const addBot = (body: unknown, key = ownerKey) =>
  fetch(`${lumen.url}/api/v1/bots`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-key": key },
    body: JSON.stringify(body),
  });

describe("several bots in one process", () => {
  it("runs the BOT_TOKEN bot and one added through the API side by side", async () => {
    const first = tg.createBot({ username: "first_shop_bot", firstName: "First Shop" });
    const second = tg.createBot({ username: "second_shop_bot", firstName: "Second Shop" });
    lumen = await startLumen({ ...home.env, BOT_TOKEN: first.token, TELEGRAM_API_ROOT: tg.apiRoot });

    const res = await addBot({ token: second.token });
    expect(res.status).toBe(201);
    const saved = await res.json();
    expect(saved).toMatchObject({
      username: "second_shop_bot",
      name: "Second Shop",
      enabled: true,
      telegram_id: second.id,
    });
    expect(JSON.stringify(saved)).not.toContain(second.token);
    await tg.waitForPolling(second, { timeoutMs: 10_000 });

    const jo = tg.createUser({ firstName: "Jo", languageCode: "en" });
    const [a, b] = await Promise.all([say(tg, first, jo, "/start"), say(tg, second, jo, "/start")]);
    expect(textOf(a)).toContain("I am First Shop.");
    expect(b.token).toBe(second.token);
    expect(textOf(b)).toMatch(/Welcome back, Jo!|I am Second Shop\./);

    const list = await fetch(`${lumen.url}/api/v1/bots`, { headers: { "x-auth-key": ownerKey } }).then((r) =>
      r.json(),
    );
    expect(list.items.map((bot: { username: string }) => bot.username)).toEqual([
      "first_shop_bot",
      "second_shop_bot",
    ]);
    expect(JSON.stringify(list)).not.toContain(first.token);
  });

  it("updates a known bot instead of adding it twice", async () => {
    const first = tg.calls.find((c) => c.method === "setMyCommands")?.token;
    const res = await addBot({ token: first });
    expect(res.status).toBe(200);
    expect((await res.json()).username).toBe("first_shop_bot");
    const list = await fetch(`${lumen.url}/api/v1/bots`, { headers: { "x-auth-key": ownerKey } }).then((r) =>
      r.json(),
    );
    expect(list.items).toHaveLength(2);
  });

  it("refuses a token Telegram does not know, naming the field", async () => {
    const res = await addBot({ token: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "VALIDATION_FAILED", field: "token" });
  });

  it("lets only owners add bots", async () => {
    const adminKey = await fetch(`${lumen.url}/api/v1/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-auth-key": ownerKey },
      body: JSON.stringify({ name: "admin", role: "admin" }),
    }).then((r) => r.json());
    const res = await addBot({ token: "1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, adminKey.key);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  });
});
