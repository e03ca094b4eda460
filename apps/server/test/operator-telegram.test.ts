import { cliActor, createAdjustableClock, createAdmin, findOperatorByTelegramId } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/** Operators link their Telegram account from the panel, so the bots know reviewers and assistants. */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
const clock = createAdjustableClock();
const cookies: Record<string, string> = {};

async function signIn(email: string, role: "owner" | "reviewer" | "assistant") {
  const password = `${role} password 1`;
  await createAdmin(t.core, cliActor, { email, password, role });
  const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === "lumen_session");
  cookies[role] = `lumen_session=${cookie?.value}`;
}

const call = (role: string, method: "GET" | "POST" | "DELETE", url: string) =>
  t.app.inject({ method, url, headers: { cookie: cookies[role] as string, origin: "http://localhost" } });

beforeAll(async () => {
  ({ tg, bot, t } = await createBotTestApp({ username: "desk_bot", firstName: "Desk" }, { clock }));
  await signIn("owner@example.com", "owner");
  await signIn("reviewer@example.com", "reviewer");
  await signIn("assistant@example.com", "assistant");
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

describe("linking an operator's Telegram account", () => {
  it("lets a desk role sign in and read only its own account, not the operator's pages", async () => {
    const me = await call("reviewer", "GET", "/api/v1/auth/me");
    expect(me.json()).toMatchObject({ role: "reviewer", telegram_user_id: null });
    expect((await call("reviewer", "GET", "/api/v1/users")).statusCode).toBe(403);
    expect((await call("assistant", "GET", "/api/v1/orders")).statusCode).toBe(403);
  });

  it("links the account that sends the code, once, and the bot answers in its language", async () => {
    const started = await call("reviewer", "POST", "/api/v1/auth/telegram-link");
    expect(started.statusCode).toBe(200);
    const { code, links } = started.json();
    expect(links).toEqual([{ bot_username: "desk_bot", url: `https://t.me/desk_bot?start=op_${code}` }]);

    const rita = tg.createUser({ firstName: "Rita", languageCode: "ru" });
    const reply = await say(tg, bot, rita, `/start op_${code}`);
    expect(textOf(reply)).toBe(
      "Готово: этот аккаунт Telegram привязан к reviewer@example.com (проверяющий) в админ-панели.",
    );
    expect(await findOperatorByTelegramId(t.core, rita.id)).toMatchObject({ role: "reviewer" });
    expect((await call("reviewer", "GET", "/api/v1/auth/me")).json()).toMatchObject({
      telegram_user_id: rita.id,
    });

    // The code is used up: a second account sending it links nothing.
    const mallory = tg.createUser({ firstName: "Mallory", languageCode: "en" });
    expect(textOf(await say(tg, bot, mallory, `/start op_${code}`))).toContain("unknown or has expired");
    expect(await findOperatorByTelegramId(t.core, mallory.id)).toBeNull();
  });

  it("refuses an expired code and an account already linked to someone else", async () => {
    const stale = (await call("assistant", "POST", "/api/v1/auth/telegram-link")).json().code;
    clock.advance(11 * 60_000);
    const amy = tg.createUser({ firstName: "Amy", languageCode: "en" });
    expect(textOf(await say(tg, bot, amy, `/start op_${stale}`))).toContain("unknown or has expired");

    const fresh = (await call("assistant", "POST", "/api/v1/auth/telegram-link")).json().code;
    const rita = (await call("reviewer", "GET", "/api/v1/auth/me")).json().telegram_user_id;
    expect(textOf(await say(tg, bot, amy, `/start op_${fresh}`))).toContain(
      "assistant@example.com (assistant)",
    );
    expect(await findOperatorByTelegramId(t.core, rita)).toMatchObject({ email: "reviewer@example.com" });
    const again = (await call("reviewer", "POST", "/api/v1/auth/telegram-link")).json().code;
    expect(textOf(await say(tg, bot, amy, `/start op_${again}`))).toContain(
      "already linked to another operator",
    );
    expect(await findOperatorByTelegramId(t.core, amy.id)).toMatchObject({ email: "assistant@example.com" });
  });

  it("unlinks: yourself, or anyone for the owner; the audit log records both", async () => {
    expect((await call("assistant", "DELETE", "/api/v1/auth/telegram-link")).statusCode).toBe(204);
    expect((await call("assistant", "GET", "/api/v1/auth/me")).json().telegram_user_id).toBeNull();

    const operators = (await call("owner", "GET", "/api/v1/operators")).json().items as Array<{
      id: string;
      email: string;
      telegram_user_id: number | null;
    }>;
    const reviewer = operators.find((o) => o.email === "reviewer@example.com");
    expect(reviewer?.telegram_user_id).not.toBeNull();
    expect(
      (await call("reviewer", "DELETE", `/api/v1/operators/${reviewer?.id}/telegram-link`)).statusCode,
    ).toBe(403);
    expect(
      (await call("owner", "DELETE", `/api/v1/operators/${reviewer?.id}/telegram-link`)).statusCode,
    ).toBe(204);
    expect((await call("reviewer", "GET", "/api/v1/auth/me")).json().telegram_user_id).toBeNull();

    const audit = (await call("owner", "GET", "/api/v1/audit?action=operator.telegram_unlinked")).json();
    expect(audit.items.map((e: { entity_id: string }) => e.entity_id).sort()).toEqual(
      operators
        .filter((o) => o.email !== "owner@example.com")
        .map((o) => o.id)
        .sort(),
    );
  });
});
