import {
  type Actor,
  cliActor,
  createAdmin,
  getBot,
  getCreditBalance,
  listAudit,
  startOperatorTelegramLink,
  upsertTelegramUser,
} from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/** /admin in the bot for linked operators: today's figures, credits by Telegram id, pause a bot; role-checked, audited. */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let botId: string;

beforeAll(async () => {
  ({ tg, bot, t, botId } = await createBotTestApp({ username: "office_bot", firstName: "Office" }));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

async function linked(email: string, role: "admin" | "operator" | "assistant") {
  const created = await createAdmin(t.core, cliActor, { email, password: "long enough password", role });
  const actor: Actor = { type: "admin", id: created.id, role };
  const { code } = await startOperatorTelegramLink(t.core, actor);
  const user = tg.createUser({ firstName: role, languageCode: "en" });
  await say(tg, bot, user, `/start op_${code}`);
  return { actor, user };
}

describe("/admin in the bot", () => {
  it("is only for operators", async () => {
    const stranger = tg.createUser({ firstName: "Stranger", languageCode: "en" });
    expect(textOf(await say(tg, bot, stranger, "/admin"))).toContain("for operators of the bot");
    const { user } = await linked("desk@example.com", "assistant");
    expect(textOf(await say(tg, bot, user, "/admin"))).toContain("for operators of the bot");
  });

  it("shows today's figures and grants credits by Telegram id once per message, audited", async () => {
    const { user, actor } = await linked("boss@example.com", "admin");
    const today = await say(tg, bot, user, "/admin");
    expect(textOf(today)).toMatch(
      /Today \(\d{4}-\d{2}-\d{2}, UTC\)\nNew users: \d+\nRevenue: .+\nOpen tasks: 0\nOverdue tasks: 0/,
    );

    const buyer = await upsertTelegramUser(t.core, { telegramId: 555_001, firstName: "Buyer" });
    expect(textOf(await say(tg, bot, user, "/grant 555001 25 goodwill"))).toBe(
      "✅ 25 credits granted to Buyer. Balance: 25.",
    );
    expect(await getCreditBalance(t.core.db, buyer.id)).toBe(25);
    expect(textOf(await say(tg, bot, user, "/grant 999 5"))).toContain("No user with Telegram id 999");
    expect(textOf(await say(tg, bot, user, "/grant nobody"))).toContain("/grant <Telegram id>");
    const audit = await listAudit(t.core, {
      actorId: actor.id ?? undefined,
      action: "credits.adjust",
      limit: 5,
    });
    expect(audit).toHaveLength(1);
  });

  it("refuses what the operator's role does not allow", async () => {
    const { user } = await linked("clerk@example.com", "operator");
    await upsertTelegramUser(t.core, { telegramId: 555_002, firstName: "Other" });
    expect(textOf(await say(tg, bot, user, "/grant 555002 5"))).toBe("Your role does not allow this.");
  });

  it("pauses a bot, audited", async () => {
    const { user } = await linked("owner2@example.com", "admin");
    const today = await say(tg, bot, user, "/admin");
    let after = tg.calls.length;
    await tg.pressButton(bot, user, sentMessage(today), callbackDataOf(today, "🤖 Pause or resume bots"));
    const list = await tg.waitForCall("sendMessage", (p) => p.chat_id === user.id, {
      after,
      timeoutMs: 10_000,
    });
    after = tg.calls.length;
    await tg.pressButton(bot, user, sentMessage(list), callbackDataOf(list, "▶️ @office_bot"));
    const paused = await tg.waitForCall("sendMessage", (p) => p.chat_id === user.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(textOf(paused)).toBe("⏸ @office_bot is paused.");
    expect((await getBot(t.core, botId)).enabled).toBe(false);
    const audit = await listAudit(t.core, { entityId: botId, limit: 10 });
    expect(audit.map((a) => a.action)).toContain("bot.update");
  });
});
