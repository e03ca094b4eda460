import {
  type Actor,
  cliActor,
  completeTask,
  createAdjustableClock,
  createAdmin,
  createTask,
  extendPlan,
  getAssistantStatistics,
  setTaskPlanQuota,
  setTaskSettings,
  startOperatorTelegramLink,
  takeTask,
  upsertTelegramUser,
} from "@lumen/core";
import type { ApiCall, BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { Chat } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskJobs } from "../src/jobs/task-jobs.ts";
import { buttonsOf, callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * The subscriber's side of tasks over the Telegram emulator: the guided flow with a photo, the
 * card in the assistants' work chat, the conversation relayed both ways, done, rating; a user
 * without a plan is offered one; an overdue task alerts the admins once.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let botId: string;
let key: string;
let workChat: Chat;
let adminChat: Chat;
const clock = createAdjustableClock();
let seq = 0;

beforeAll(async () => {
  ({ tg, bot, t, botId, key } = await createBotTestApp(
    { username: "concierge_bot", firstName: "Concierge" },
    { clock },
  ));
  workChat = tg.createChat({ type: "supergroup", title: "Assistants" });
  adminChat = tg.createChat({ type: "supergroup", title: "Admins" });
  await tg.addBotToChat(bot, workChat, { status: "administrator" });
  await tg.addBotToChat(bot, adminChat, { status: "administrator" });
  const patched = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/bots/${botId}`,
    headers: { "x-auth-key": key },
    payload: { features: ["assistant", "tasks"], notice_chat_id: adminChat.id },
  });
  expect(patched.statusCode).toBe(200);
  await tg.waitForPolling(bot, { timeoutMs: 10_000 });
  await setTaskSettings(t.core, cliActor, { botId, workChatId: workChat.id });
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const allJobs = () => taskJobs({ core: t.core, botApis: t.botApis, adminChatId: undefined });
/** The queued ones; the sweep is a cron job, run by hand below. */
const jobs = () => allJobs().filter((j) => !j.cron);
const runJobs = async () => {
  while ((await runQueuedJobs(t.jobs.boss, jobs())) > 0) {}
};

/** The bot's next message (of a method) to a chat after call index `after`. */
const nextTo = (chatId: number, after: number, method = "sendMessage") =>
  tg.waitForCall(method, (p, call) => p.chat_id === chatId && call.token === bot.token, {
    after,
    timeoutMs: 10_000,
  });

async function press(user: { id: number }, call: ApiCall, label: string): Promise<number> {
  const after = tg.calls.length;
  const message = sentMessage(call);
  await tg.pressButton(bot, user, message, callbackDataOf(call, label));
  return after;
}

async function subscriberOnPlan(name: string) {
  const user = tg.createUser({ firstName: name, languageCode: "en" });
  await say(tg, bot, user, "/start");
  const planCode = `concierge-${seq++}`;
  await setTaskPlanQuota(t.core, cliActor, { planCode, tasksPerPeriod: 5, priorityAllowed: true });
  const { id: userId } = await upsertTelegramUser(t.core, { telegramId: user.id, firstName: name });
  return { user, planCode, userId };
}

/** An assistant whose Telegram account is linked (the code sent to the bot) and who is in the work chat. */
async function assistant(name: string) {
  const admin = await createAdmin(t.core, cliActor, {
    email: `${name}@example.com`,
    password: "long enough password",
    role: "assistant",
  });
  const actor: Actor = { type: "admin", id: admin.id, role: "assistant" };
  const { code } = await startOperatorTelegramLink(t.core, actor);
  const user = tg.createUser({ firstName: name, languageCode: "en" });
  await say(tg, bot, user, `/start op_${code}`);
  tg.setMemberStatus(workChat, user, "member");
  return { actor, user };
}

describe("tasks in the bot", () => {
  it("offers a plan to a user without one", async () => {
    const pat = tg.createUser({ firstName: "Pat", languageCode: "en" });
    const reply = await say(tg, bot, pat, "/task");
    expect(textOf(reply)).toContain("come with a plan");
    expect(buttonsOf(reply).flat()).toContain("💳 See plans");
  });

  it("takes a task with a photo from a subscriber to the work chat and back, to a rating", async () => {
    const { user, planCode, userId } = await subscriberOnPlan("Sam");
    await extendPlan(t.core.db, clock.now(), {
      userId,
      planCode,
      title: "Concierge",
      periodDays: 30,
      messagesPerPeriod: 10,
      grantKey: `test:${userId}`,
    });

    const prompt = await say(tg, bot, user, "/task");
    expect(textOf(prompt)).toContain("What should the assistant do?");
    let after = tg.calls.length;
    await tg.sendPhoto(bot, user, { caption: "Book a table for four on Friday near the office" });
    expect(textOf(await nextTo(user.id, after))).toContain("Added");

    after = await press(user, prompt, "➡️ Next");
    const deadline = await nextTo(user.id, after);
    after = await press(user, deadline, "In 24 hours");
    const priority = await nextTo(user.id, after);
    after = await press(user, priority, "🔥 Urgent");
    const confirm = await nextTo(user.id, after);
    expect(textOf(confirm)).toContain("Book a table for four");
    expect(textOf(confirm)).toContain("Attachments: 1");
    after = await press(user, confirm, "✅ Create the task");
    expect(textOf(await nextTo(user.id, after))).toContain("Task created");

    after = tg.calls.length;
    await runJobs();
    const card = await nextTo(workChat.id, after);
    expect(textOf(card)).toContain("Task from Sam");
    expect(buttonsOf(card).flat()).toEqual(["🙋 Take"]);
    await nextTo(workChat.id, after, "sendPhoto");

    const [listed] = (
      await t.app.inject({ method: "GET", url: "/api/v1/bots", headers: { "x-auth-key": key } })
    ).json().items ?? [{}];
    expect(listed).toBeDefined();

    // Two assistants press Take at once: one gets the task, the card shows who.
    const anna = await assistant("anna");
    const boris = await assistant("boris");
    const take = callbackDataOf(card, "🙋 Take");
    after = tg.calls.length;
    await Promise.all([
      tg.pressButton(bot, anna.user, sentMessage(card), take),
      tg.pressButton(bot, boris.user, sentMessage(card), take),
    ]);
    const refused = await tg.waitForCall(
      "answerCallbackQuery",
      (p) => p.text === "Someone else has taken this task.",
      {
        after,
        timeoutMs: 10_000,
      },
    );
    expect(refused).toBeDefined();
    const taken = await nextTo(workChat.id, after, "editMessageText");
    const winner = String(taken.params.text).includes("Taken by anna@") ? anna : boris;
    expect(String(taken.params.text)).toMatch(/Taken by (anna|boris)@example.com/);
    after = tg.calls.length;
    await runJobs();
    expect(textOf(await nextTo(user.id, after))).toContain("An assistant took your task");
    const privateCard = await nextTo(winner.user.id, after);
    expect(textOf(privateCard)).toContain("You took the task");

    // The assistant asks for details from the work chat card: a prompt answered by a reply.
    const workCard = tg
      .chatHistory(workChat, { bot })
      .find((m) => m.message_id === sentMessage(card).message_id);
    after = tg.calls.length;
    await tg.pressButton(
      bot,
      winner.user,
      workCard ?? sentMessage(card),
      callbackDataOf(taken, "❓ Ask for details"),
    );
    const askPrompt = await nextTo(workChat.id, after);
    after = tg.calls.length;
    await tg.sendText(bot, winner.user, "Which cuisine?", {
      chat: workChat,
      replyTo: sentMessage(askPrompt),
    });
    expect(textOf(await nextTo(workChat.id, after))).toContain("Sent to the subscriber");
    after = tg.calls.length;
    await runJobs();
    expect(textOf(await nextTo(user.id, after))).toContain("The assistant asks");

    after = tg.calls.length;
    await tg.sendText(bot, user, "Italian, please");
    const sent = await nextTo(user.id, after);
    expect(textOf(sent)).toContain("Sent to the assistant on your task");
    expect(buttonsOf(sent).flat()).toContain("🤖 Ask the AI this instead");
    after = tg.calls.length;
    await runJobs();
    expect(textOf(await nextTo(workChat.id, after))).toContain("Italian, please");
    const direct = await nextTo(winner.user.id, after);
    expect(textOf(direct)).toContain("Italian, please");

    // Done, from the assistant's private chat: the result is a reply to the prompt.
    after = tg.calls.length;
    await tg.pressButton(bot, winner.user, sentMessage(privateCard), callbackDataOf(privateCard, "✅ Done"));
    const donePrompt = await nextTo(winner.user.id, after);
    after = tg.calls.length;
    await tg.sendText(bot, winner.user, "Booked Da Mario, Friday 19:00", {
      replyTo: sentMessage(donePrompt),
    });
    expect(textOf(await nextTo(winner.user.id, after))).toContain("Marked done");
    after = tg.calls.length;
    await runJobs();
    const done = await nextTo(user.id, after);
    expect(textOf(done)).toContain("Booked Da Mario");
    after = await press(user, done, "👍 Yes, thanks");
    const rate = await nextTo(user.id, after);
    after = await press(user, rate, "5 ⭐");
    const thanks = await nextTo(user.id, after);
    after = tg.calls.length;
    await tg.sendText(bot, user, "Perfect", { replyTo: sentMessage(thanks) });
    expect(textOf(await nextTo(user.id, after))).toContain("Comment saved");

    const list = await say(tg, bot, user, "/tasks");
    expect(buttonsOf(list).flat().join(" ")).toContain("✅ done");

    const stats = await getAssistantStatistics(t.core, cliActor, {
      from: new Date(clock.now().getTime() - 3_600_000),
      to: new Date(clock.now().getTime() + 3_600_000),
      assistantId: winner.actor.id ?? undefined,
    });
    expect(stats).toMatchObject([{ taken: 1, done: 1, averageRating: 5, ratings: 1 }]);
  });

  it("hands a task over to another assistant, who gets it privately", async () => {
    const { userId, planCode } = await subscriberOnPlan("Vera");
    await extendPlan(t.core.db, clock.now(), {
      userId,
      planCode,
      title: "Concierge",
      periodDays: 30,
      messagesPerPeriod: 10,
      grantKey: `test:${userId}`,
    });
    let after = tg.calls.length;
    await createTask(t.core, { userId, botId, text: "Find a plumber" });
    await runJobs();
    const card = await nextTo(workChat.id, after);
    const carl = await assistant("carl");
    const dina = await assistant("dina");
    after = tg.calls.length;
    await tg.pressButton(bot, carl.user, sentMessage(card), callbackDataOf(card, "🙋 Take"));
    await nextTo(workChat.id, after, "editMessageText");
    await runJobs();
    const privateCard = await nextTo(carl.user.id, after);
    after = tg.calls.length;
    await tg.pressButton(
      bot,
      carl.user,
      sentMessage(privateCard),
      callbackDataOf(privateCard, "🔄 Hand over"),
    );
    const choices = await nextTo(carl.user.id, after);
    expect(buttonsOf(choices).flat()).toContain("dina@example.com");
    after = tg.calls.length;
    await tg.pressButton(bot, carl.user, sentMessage(choices), callbackDataOf(choices, "dina@example.com"));
    expect(textOf(await nextTo(carl.user.id, after))).toContain("dina@example.com");
    after = tg.calls.length;
    await runJobs();
    expect(textOf(await nextTo(dina.user.id, after))).toContain("You took the task");
    const edited = await nextTo(workChat.id, after, "editMessageText");
    expect(String(edited.params.text)).toContain("Taken by dina@example.com");
  });

  it("cancels an untaken task from /tasks, and reopens a done one", async () => {
    const { userId, planCode, user } = await subscriberOnPlan("Ivan");
    await extendPlan(t.core.db, clock.now(), {
      userId,
      planCode,
      title: "Concierge",
      periodDays: 30,
      messagesPerPeriod: 10,
      grantKey: `test:${userId}`,
    });
    await createTask(t.core, { userId, botId, text: "Renew the insurance" });
    const list = await say(tg, bot, user, "/tasks");
    const line = buttonsOf(list)
      .flat()
      .find((b) => b.startsWith("Renew the insurance"));
    expect(line).toContain("waiting for an assistant");
    let after = await press(user, list, line as string);
    const view = await nextTo(user.id, after);
    after = await press(user, view, "✖️ Cancel the task");
    expect(textOf(await nextTo(user.id, after))).toContain("does not count against your plan");

    const erin = await assistant("erin");
    const task = await createTask(t.core, { userId, botId, text: "Order a cake" });
    await takeTask(t.core, erin.actor, { taskId: task.id });
    await completeTask(t.core, erin.actor, { taskId: task.id, result: "Ordered" });
    after = tg.calls.length;
    await runJobs();
    const done = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === user.id && String(p.text).includes("is done"),
      { after, timeoutMs: 10_000 },
    );
    after = await press(user, done, "🔁 No, reopen it");
    expect(textOf(await nextTo(user.id, after))).toContain("is reopened");
  });

  it("alerts the admins once when a task is overdue", async () => {
    const { userId, planCode } = await subscriberOnPlan("Olga");
    await extendPlan(t.core.db, clock.now(), {
      userId,
      planCode,
      title: "Concierge",
      periodDays: 30,
      messagesPerPeriod: 10,
      grantKey: `test:${userId}`,
    });
    await createTask(t.core, {
      userId,
      botId,
      text: "Renew my passport",
      deadline: new Date(clock.now().getTime() + 30 * 60_000),
    });
    await runJobs();
    clock.advance(45 * 60_000);
    const after = tg.calls.length;
    await runJobs();
    await runJobs();
    const sweep = allJobs().find((j) => j.name === "tasks.sweep-notices");
    await Promise.all([sweep?.handler({}), sweep?.handler({})]);
    await runJobs();
    await sweep?.handler({});
    await runJobs();
    const overdue = tg.calls.filter(
      (c) =>
        c.index >= after &&
        c.method === "sendMessage" &&
        c.params.chat_id === adminChat.id &&
        String(c.params.text).includes("Overdue"),
    );
    expect(overdue).toHaveLength(1);
    expect(String(overdue[0]?.params.text)).toContain("Renew my passport");
  });
});
