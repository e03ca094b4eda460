import {
  type Actor,
  cliActor,
  createAdjustableClock,
  createAdmin,
  createTask,
  extendPlan,
  setTaskPlanQuota,
  setTaskSettings,
  startOperatorTelegramLink,
  TASK_MESSAGES_PER_MINUTE,
  takeTask,
  upsertTelegramUser,
} from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { Chat } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskJobs } from "../src/jobs/task-jobs.ts";
import { callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * A task's conversation carries voice notes both ways (subscriber → work chat and assistant,
 * assistant → subscriber); a subscriber flooding a task is stopped with a readable message; a
 * typed deadline is read and shown in the bot's task zone (Moscow here), not in UTC.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let botId: string;
let key: string;
let workChat: Chat;
const clock = createAdjustableClock();

beforeAll(async () => {
  ({ tg, bot, t, botId, key } = await createBotTestApp(
    { username: "voice_tasks_bot", firstName: "Voice" },
    { clock },
  ));
  workChat = tg.createChat({ type: "supergroup", title: "Assistants" });
  await tg.addBotToChat(bot, workChat, { status: "administrator" });
  const patched = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/bots/${botId}`,
    headers: { "x-auth-key": key },
    payload: { features: ["tasks"] },
  });
  expect(patched.statusCode).toBe(200);
  await tg.waitForPolling(bot, { timeoutMs: 10_000 });
  await setTaskSettings(t.core, cliActor, { botId, workChatId: workChat.id, timezone: "Europe/Moscow" });
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const jobs = () =>
  taskJobs({ core: t.core, botApis: t.botApis, adminChatId: undefined }).filter((j) => !j.cron);
const runJobs = async () => {
  while ((await runQueuedJobs(t.jobs.boss, jobs())) > 0) {}
};
const nextTo = (chatId: number, after: number, method = "sendMessage") =>
  tg.waitForCall(method, (p, call) => p.chat_id === chatId && call.token === bot.token, {
    after,
    timeoutMs: 10_000,
  });

/** A subscriber on a plan with a task taken by a linked assistant. */
async function takenTask(name: string) {
  const user = tg.createUser({ firstName: name, languageCode: "en" });
  await say(tg, bot, user, "/start");
  const { id: userId } = await upsertTelegramUser(t.core, { telegramId: user.id, firstName: name });
  const planCode = `voice-${name}`;
  await setTaskPlanQuota(t.core, cliActor, { planCode, tasksPerPeriod: 5 });
  await extendPlan(t.core.db, clock.now(), {
    userId,
    planCode,
    title: "Concierge",
    periodDays: 30,
    messagesPerPeriod: 10,
    grantKey: `voice:${userId}`,
  });
  const admin = await createAdmin(t.core, cliActor, {
    email: `${name.toLowerCase()}-assistant@example.com`,
    password: "long enough password",
    role: "assistant",
  });
  const actor: Actor = { type: "admin", id: admin.id, role: "assistant" };
  const { code } = await startOperatorTelegramLink(t.core, actor);
  const helper = tg.createUser({ firstName: `${name}'s helper`, languageCode: "en" });
  await say(tg, bot, helper, `/start op_${code}`);
  tg.setMemberStatus(workChat, helper, "member");
  const task = await createTask(t.core, { userId, botId, text: `Errand for ${name}` });
  await takeTask(t.core, actor, { taskId: task.id });
  await runJobs();
  return { user, helper, task };
}

describe("a task's conversation in the bot", () => {
  it("relays a voice note from the subscriber to the assistant, and the assistant's voice back", async () => {
    const { user, helper } = await takenTask("Sam");
    let after = tg.calls.length;
    await tg.sendVoice(bot, user, { duration: 7 });
    expect(textOf(await nextTo(user.id, after))).toContain("Sent to the assistant");
    after = tg.calls.length;
    await runJobs();
    const relayedText = await nextTo(helper.id, after);
    expect(textOf(relayedText)).toContain("📎");
    const toWork = await nextTo(workChat.id, after, "sendVoice");
    const toHelper = await nextTo(helper.id, after, "sendVoice");
    expect(toHelper.params.voice).toBe(toWork.params.voice);

    // The assistant answers by voice, replying to the relayed message in their private chat.
    after = tg.calls.length;
    await tg.sendVoice(bot, helper, { replyTo: sentMessage(relayedText), duration: 12 });
    expect(textOf(await nextTo(helper.id, after))).toContain("Sent to the subscriber");
    after = tg.calls.length;
    await runJobs();
    expect(textOf(await nextTo(user.id, after))).toContain("📎");
    const voiceBack = await nextTo(user.id, after, "sendVoice");
    const received = tg.chatHistory({ id: user.id, type: "private" } as Chat, { bot }).at(-1);
    expect(received?.voice?.duration).toBe(12);
    expect(typeof voiceBack.params.voice).toBe("string");
  });

  it("stops a subscriber flooding a task, in words, and lets them write again a minute later", async () => {
    const { user } = await takenTask("Lea");
    // Start at the beginning of a one-minute window, so the burst below falls in one window.
    const now = clock.now().getTime();
    clock.advance(60_000 - (now % 60_000) + 1_000);
    for (let n = 1; n <= TASK_MESSAGES_PER_MINUTE; n++)
      expect(textOf(await say(tg, bot, user, `Detail ${n}`))).toContain("Sent to the assistant");
    const refused = await say(tg, bot, user, "One more detail");
    expect(textOf(refused)).toMatch(/Too many messages to this task at once.*Wait \d+ s/);
    clock.advance(61_000);
    expect(textOf(await say(tg, bot, user, "After a minute"))).toContain("Sent to the assistant");
  });

  it("reads a typed deadline on the bot's zone's clocks and shows it back in that zone", async () => {
    const { user } = await takenTask("Max");
    const prompt = await say(tg, bot, user, "/task");
    expect(textOf(await say(tg, bot, user, "Book a table for four"))).toContain("Added");
    let after = tg.calls.length;
    await tg.pressButton(bot, user, sentMessage(prompt), callbackDataOf(prompt, "➡️ Next"));
    const ask = await nextTo(user.id, after);
    expect(textOf(ask)).toContain("2026-12-31 18:00 (Europe/Moscow)");
    expect(textOf(await say(tg, bot, user, "2099-06-05 25:00"))).toContain("(Europe/Moscow), in the future");
    after = tg.calls.length;
    await tg.sendText(bot, user, "2099-06-05 19:00");
    const confirm = await nextTo(user.id, after);
    expect(textOf(confirm)).toContain("2099-06-05 19:00 (Europe/Moscow)");
    after = tg.calls.length;
    await tg.pressButton(bot, user, sentMessage(confirm), callbackDataOf(confirm, "✅ Create the task"));
    expect(textOf(await nextTo(user.id, after))).toContain("Task created");
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/tasks?bot_id=${botId}&status=new`,
      headers: { "x-auth-key": key },
    });
    const created = list.json().items.find((i: { text: string }) => i.text === "Book a table for four");
    // 19:00 in Moscow (UTC+3) is 16:00 UTC.
    expect(created.deadline).toBe("2099-06-05T16:00:00.000Z");
  });
});
