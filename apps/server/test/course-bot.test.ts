import {
  addLesson,
  cliActor,
  createAdjustableClock,
  createAdmin,
  createCourse,
  createProduct,
  endCourseChatAccess,
  refundOrder,
  setTariffChats,
  startOperatorTelegramLink,
} from "@lumen/core";
import { chatInvites, courseEnrollmentGrants, courseEnrollments, orders, users } from "@lumen/db";
import type { ApiCall, BotHandle, TelegramEmulator } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramAccessPort } from "../src/access/telegram-access-port.ts";
import { sendCertificateJob } from "../src/jobs/course-certificate.ts";
import { courseChatAccessJob } from "../src/jobs/course-chat-access.ts";
import { routeSubmissionJob, sendFeedbackJob } from "../src/jobs/course-homework.ts";
import { courseLessonsJob } from "../src/jobs/course-lessons.ts";
import { courseOnboardingJob } from "../src/jobs/course-onboarding.ts";
import { refreshReviewCardJob } from "../src/jobs/course-review-card.ts";
import { paymentNoticesJob } from "../src/jobs/payment-notices.ts";
import { buttonsOf, callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * A course bought in the bot with Stars is taught: onboarding (welcome, time zone and hour,
 * the tariff's chat), a lesson a day from the delivery job, /lessons and /course, the quiz,
 * "Mark as done"; a student who blocks the bot is skipped, and a refund stops the lessons.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
const clock = createAdjustableClock();
const DAY = 24 * 3_600_000;

beforeAll(async () => {
  // Lessons come at 9:00 (Ann in Moscow, the others in UTC): the suite starts at 10:00 UTC (13:00 in
  // Moscow) whatever the hour it runs, so "a day later" is past the next 9:00, never before it.
  const now = clock.now().getTime();
  clock.advance((((10 * 3_600_000 - (now % DAY)) % DAY) + DAY) % DAY);
  ({ tg, bot, t } = await createBotTestApp({ username: "course_bot", firstName: "Course" }, { clock }));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const silent = pino({ level: "silent" });
const deliver = () =>
  courseLessonsJob({
    core: t.core,
    botApis: t.botApis,
    logger: silent,
    throttle: { globalPerSecond: 1000, perChatPerSecond: 1000 },
  }).handler({});
/** Homework waits a few seconds for the rest of an album: the test makes it due now. */
async function makeRoutingDue() {
  const waiting = await t.jobs.boss.findJobs("courses.route-submission", {});
  for (const job of waiting.filter((j) => j.state === "created"))
    await t.jobs.boss.update("courses.route-submission", undefined, { id: job.id, startAfter: new Date() });
}
const followUps = async () => {
  await makeRoutingDue();
  return runQueuedJobs(t.jobs.boss, [
    courseOnboardingJob({ core: t.core, botApis: t.botApis }),
    courseChatAccessJob({ core: t.core, botApis: t.botApis, logger: silent }),
    paymentNoticesJob({ core: t.core, botApis: t.botApis, adminChatId: undefined }),
    routeSubmissionJob({ core: t.core, botApis: t.botApis }),
    refreshReviewCardJob({ core: t.core, botApis: t.botApis }),
    sendFeedbackJob({ core: t.core, botApis: t.botApis }),
    sendCertificateJob({ core: t.core, botApis: t.botApis, publicUrl: "https://school.example" }),
  ]);
};

let courseNo = 0;
async function course() {
  const code = `bot-course-${++courseNo}`;
  const row = await createCourse(t.core, cliActor, {
    code,
    title: "Watercolour basics",
    status: "published",
  });
  await addLesson(t.core, cliActor, row.id, {
    title: "Brushes",
    text: "Hold the brush <b>lightly</b>.",
    mediaKind: "photo",
    mediaRef: "https://example.com/brush.jpg",
    quiz: { question: "Which brush for washes?", options: ["Round", "Flat"], answer: 1 },
  });
  await addLesson(t.core, cliActor, row.id, { title: "Colours", text: "Mix three colours." });
  await addLesson(t.core, cliActor, row.id, { title: "Paper", text: "Wet the paper first." });
  const product = await createProduct(t.core, cliActor, {
    title: `Watercolour ${courseNo} — FEEDBACK`,
    details: { kind: "course", courseCode: code, tariff: "FEEDBACK" },
    prices: [{ currency: "XTR", amount: 300 }],
  });
  return { course: row, product };
}

async function buy(user: { id: number }, title: string, stars = 300) {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, `${title} — ${stars} ⭐`));
  const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, { after });
  const before = await grants();
  expect((await tg.payInvoice(bot, user, sentMessage(invoice))).ok).toBe(true);
  // The settlement runs in the bot's handler: wait for the place it grants, not for a time.
  await expect.poll(grants, { timeout: 15_000 }).toBe(before + 1);
}

/** "Take" pressed in the reviewers' chat: once the bot has answered, the card job edits the card. */
async function takeInChat(reviewer: { id: number }, chat: { id: number }, post: ApiCall) {
  const after = tg.calls.length;
  await tg.pressButton(bot, reviewer, sentMessage(post), callbackDataOf(post, "🙋 Take"));
  await tg.waitForCall("answerCallbackQuery", () => true, { after });
  await followUps();
  return tg.waitForCall("editMessageText", (p) => p.chat_id === chat.id, { after });
}

const grants = async () => (await t.core.db.select().from(courseEnrollmentGrants)).length;

const messagesTo = (user: { id: number }, after: number, method = "sendMessage") =>
  tg.calls.slice(after).filter((c) => c.method === method && c.params.chat_id === user.id);

describe("a course in the bot", () => {
  it("onboards the buyer, sends a lesson a day at their hour, and shows progress", async () => {
    const { product, course: row } = await course();
    const club = tg.createChat({ type: "supergroup", title: "Watercolour club" });
    await tg.addBotToChat(bot, club, { status: "administrator", rights: { can_invite_users: true } });
    await setTariffChats(t.core, cliActor, row.id, { tariff: "FEEDBACK", chatIds: [club.id] });
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await say(tg, bot, ann, "/start");
    await buy(ann, product.title);
    const before = tg.calls.length;
    await followUps();
    const welcome = messagesTo(ann, before);
    expect(welcome.map(textOf)).toContain(
      "🎓 Welcome to «Watercolour basics» (FEEDBACK)! One lesson a day; the first one comes right away.",
    );
    const chats = welcome.find((c) => textOf(c) === "Your course chats — personal links that work once:");
    if (!chats) throw new Error("no chat links");
    expect(buttonsOf(chats)).toEqual([["Join «Watercolour club»"]]);
    const inviteUrl = (chats.params.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> })
      .inline_keyboard[0]?.[0]?.url;
    expect((await tg.joinByInviteLink(bot, ann, inviteUrl as string)).status).toBe("joined");
    const [invite] = await t.core.db
      .select()
      .from(chatInvites)
      .where(eq(chatInvites.inviteLink, inviteUrl as string));
    expect(invite).toMatchObject({ chatId: club.id, subscriptionId: null });
    expect(invite?.enrollmentId).toEqual(expect.any(String));
    const ask = welcome.find((c) => textOf(c).startsWith("Where are you?"));
    if (!ask) throw new Error("no time zone question");
    let after = tg.calls.length;
    await tg.pressButton(bot, ann, sentMessage(ask), callbackDataOf(ask, "Moscow"));
    const hours = await tg.waitForCall("editMessageText", (p) => p.chat_id === ann.id, { after });
    after = tg.calls.length;
    await tg.pressButton(bot, ann, sentMessage(ask), callbackDataOf(hours, "9:00"));
    const saved = await tg.waitForCall("editMessageText", (p) => p.chat_id === ann.id, { after });
    expect(textOf(saved)).toBe("🕘 Lessons will come at 9:00, Europe/Moscow.");

    after = tg.calls.length;
    await deliver();
    expect(messagesTo(ann, after, "sendPhoto").map((c) => c.params.photo)).toEqual([
      "https://example.com/brush.jpg",
    ]);
    const lesson1 = messagesTo(ann, after);
    expect(textOf(lesson1[0] as never)).toContain("Day 1 of 3: Brushes");
    expect(textOf(lesson1[1] as never)).toBe("❓ Which brush for washes?");
    // Nothing more the same day, however often the job runs.
    after = tg.calls.length;
    await deliver();
    await deliver();
    expect(messagesTo(ann, after)).toEqual([]);

    const quiz = lesson1[1];
    if (!quiz) throw new Error("no quiz");
    await tg.pressButton(bot, ann, sentMessage(quiz), callbackDataOf(quiz, "Flat"));
    await tg.waitForCall("sendMessage", (p) => p.chat_id === ann.id && p.text === "✅ Right!", { after });

    const lessons = await say(tg, bot, ann, "/lessons");
    expect(textOf(lessons)).toBe(
      "📚 «Watercolour basics»: your lessons\n\n✓ 1. Brushes\n🔒 2. Colours\n🔒 3. Paper",
    );
    const page = await say(tg, bot, ann, "/course");
    expect(textOf(page)).toContain("░░░ 1 of 3 lessons");
    expect(textOf(page)).toContain("Next lesson:");

    clock.advance(DAY);
    after = tg.calls.length;
    await deliver();
    const lesson2 = messagesTo(ann, after);
    expect(lesson2.map(textOf)).toEqual([expect.stringContaining("Day 2 of 3: Colours")]);
    after = tg.calls.length;
    await tg.pressButton(
      bot,
      ann,
      sentMessage(lesson2[0] as never),
      callbackDataOf(lesson2[0] as never, "✅ Mark as done"),
    );
    await tg.waitUntilHandled(bot);
    const list = await say(tg, bot, ann, "/lessons");
    expect(textOf(list)).toContain("✓ 2. Colours");
    expect(buttonsOf(list)).toEqual([["1. Brushes"], ["2. Colours"]]);
    after = tg.calls.length;
    await tg.pressButton(bot, ann, sentMessage(list), callbackDataOf(list, "1. Brushes"));
    const view = await tg.waitForCall("editMessageText", (p) => p.chat_id === ann.id, { after });
    expect(textOf(view)).toContain("Hold the brush <b>lightly</b>.");
    expect(buttonsOf(view)).toEqual([["Next ▶"], ["☰ Lessons"]]);
  });

  it("removes a stranger who joins a course chat by a student's personal link, and revokes the link", async () => {
    const { product, course: row } = await course();
    const club = tg.createChat({ type: "supergroup", title: "Study club" });
    await tg.addBotToChat(bot, club, { status: "administrator", rights: { can_invite_users: true } });
    await setTariffChats(t.core, cliActor, row.id, { tariff: "FEEDBACK", chatIds: [club.id] });
    const ken = tg.createUser({ firstName: "Ken", languageCode: "en" });
    const sly = tg.createUser({ firstName: "Sly", languageCode: "en" });
    await say(tg, bot, ken, "/start");
    await buy(ken, product.title);
    const before = tg.calls.length;
    await followUps();
    const chats = messagesTo(ken, before).find((c) => textOf(c).startsWith("Your course chats"));
    if (!chats) throw new Error("no chat links");
    const link = (chats.params.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> })
      .inline_keyboard[0]?.[0]?.url as string;
    await tg.joinByInviteLink(bot, sly, link);
    await tg.waitForCall("revokeChatInviteLink", (p) => p.invite_link === link, { timeoutMs: 10_000 });
    expect(tg.calls.filter((c) => c.method === "banChatMember" && c.params.user_id === sly.id)).toHaveLength(
      1,
    );
    expect(tg.memberStatus(club, sly)).toBe("left");
    // The bot marks the link revoked right after Telegram revoked it.
    const revokedAt = async () =>
      (await t.core.db.select().from(chatInvites).where(eq(chatInvites.inviteLink, link)))[0]?.revokedAt;
    await expect.poll(revokedAt, { timeout: 10_000 }).toBeInstanceOf(Date);
  });

  it("closes the tariff's chats after a refund: the member is removed, the unused link revoked, once", async () => {
    const { product, course: row } = await course();
    const rights = { can_invite_users: true, can_restrict_members: true };
    const club = tg.createChat({ type: "supergroup", title: "Refund club" });
    const lounge = tg.createChat({ type: "supergroup", title: "Refund lounge" });
    await tg.addBotToChat(bot, club, { status: "administrator", rights });
    await tg.addBotToChat(bot, lounge, { status: "administrator", rights });
    await setTariffChats(t.core, cliActor, row.id, { tariff: "FEEDBACK", chatIds: [club.id, lounge.id] });
    const lea = tg.createUser({ firstName: "Lea", languageCode: "en" });
    await say(tg, bot, lea, "/start");
    await buy(lea, product.title);
    let after = tg.calls.length;
    await followUps();
    const chats = messagesTo(lea, after).find((c) => textOf(c).startsWith("Your course chats"));
    if (!chats) throw new Error("no chat links");
    const [clubLink, loungeLink] = (
      chats.params.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> }
    ).inline_keyboard.map((row) => row[0]?.url as string);
    await tg.joinByInviteLink(bot, lea, clubLink as string);
    expect(tg.memberStatus(club, lea)).toBe("member");
    const usedAt = async () =>
      (
        await t.core.db
          .select()
          .from(chatInvites)
          .where(eq(chatInvites.inviteLink, clubLink as string))
      )[0]?.usedAt;
    await expect.poll(usedAt, { timeout: 10_000 }).toBeInstanceOf(Date);

    const [order] = await t.core.db.select().from(orders).where(eq(orders.productId, product.id));
    if (!order) throw new Error("no order");
    await refundOrder(t.core, cliActor, { orderId: order.id }, async () => {});
    after = tg.calls.length;
    await followUps();
    expect(tg.memberStatus(club, lea)).toBe("left");
    const revoked = tg.calls.slice(after).filter((c) => c.method === "revokeChatInviteLink");
    expect(revoked.map((c) => c.params.invite_link)).toEqual([loungeLink]);
    const [lounged] = await t.core.db
      .select()
      .from(chatInvites)
      .where(eq(chatInvites.inviteLink, loungeLink as string));
    expect(lounged?.revokedAt).toBeInstanceOf(Date);

    const port = telegramAccessPort(t.botApis, silent);
    expect(await endCourseChatAccess(t.core, port, order.id)).toEqual({
      chatIds: [club.id, lounge.id],
      removed: 0,
      revokedLinks: 0,
    });
  });

  it("sends no welcome nor links for a place refunded before its onboarding ran", async () => {
    const { product, course: row } = await course();
    const club = tg.createChat({ type: "supergroup", title: "Early club" });
    await tg.addBotToChat(bot, club, { status: "administrator", rights: { can_invite_users: true } });
    await setTariffChats(t.core, cliActor, row.id, { tariff: "FEEDBACK", chatIds: [club.id] });
    const max = tg.createUser({ firstName: "Max", languageCode: "en" });
    await say(tg, bot, max, "/start");
    await buy(max, product.title);
    const [order] = await t.core.db.select().from(orders).where(eq(orders.productId, product.id));
    if (!order) throw new Error("no order");
    await refundOrder(t.core, cliActor, { orderId: order.id }, async () => {});
    const after = tg.calls.length;
    await followUps();
    const texts = messagesTo(max, after).map(textOf);
    expect(
      texts.some((text) => text.includes("Watercolour basics") || text.startsWith("Your course chats")),
    ).toBe(false);
    expect(tg.calls.slice(after).filter((c) => c.method === "createChatInviteLink")).toEqual([]);
  });

  it("skips a student who blocked the bot until they come back, and stops after a refund", async () => {
    const { product } = await course();
    const bo = tg.createUser({ firstName: "Bo", languageCode: "en" });
    await say(tg, bot, bo, "/start");
    await buy(bo, product.title);
    await followUps();
    await tg.blockBot(bot, bo);
    await deliver();
    const [boRow] = await t.core.db.select().from(users).where(eq(users.telegramId, bo.id));
    const blockedAt = async () =>
      (
        await t.core.db
          .select()
          .from(courseEnrollments)
          .where(eq(courseEnrollments.userId, boRow?.id ?? ""))
      ).map((e) => e.blockedAt !== null);
    expect(await blockedAt()).toEqual([true]);
    await tg.unblockBot(bot, bo);
    // Unblocking reaches the bot as an update: wait for it to resume the lessons.
    await expect.poll(blockedAt, { timeout: 15_000 }).toEqual([false]);
    let after = tg.calls.length;
    await deliver();
    expect(messagesTo(bo, after).map(textOf)).toEqual([
      expect.stringContaining("Day 1 of 3"),
      "❓ Which brush for washes?",
    ]);

    const [order] = await t.core.db.select().from(orders).where(eq(orders.productId, product.id));
    if (!order) throw new Error("no order");
    await refundOrder(t.core, cliActor, { orderId: order.id }, async () => {});
    clock.advance(DAY);
    after = tg.calls.length;
    await deliver();
    expect(messagesTo(bo, after)).toEqual([]);
  });
});

describe("homework", () => {
  async function homeworkCourse(reviewersChatId: number, stars = { BASIC: 300, FEEDBACK: 300 }) {
    const code = `homework-course-${++courseNo}`;
    const row = await createCourse(t.core, cliActor, {
      code,
      title: "Sketching",
      status: "published",
      reviewersChatId,
    });
    await addLesson(t.core, cliActor, row.id, {
      title: "Lines",
      text: "Draw ten lines.",
      homeworkPrompt: "Send a photo of your lines",
      homeworkRequired: true,
    });
    await addLesson(t.core, cliActor, row.id, { title: "Shapes", text: "Draw a cube." });
    const tariff = (name: "BASIC" | "FEEDBACK") =>
      createProduct(t.core, cliActor, {
        title: `Sketching ${courseNo} — ${name}`,
        details: { kind: "course", courseCode: code, tariff: name },
        prices: [{ currency: "XTR", amount: stars[name] }],
      });
    return { basic: await tariff("BASIC"), feedback: await tariff("FEEDBACK") };
  }

  async function student(name: string, productTitle: string, stars = 300) {
    const user = tg.createUser({ firstName: name, languageCode: "en" });
    await say(tg, bot, user, "/start");
    await buy(user, productTitle, stars);
    await followUps();
    const after = tg.calls.length;
    await deliver();
    const lesson = messagesTo(user, after)[0];
    if (!lesson) throw new Error("no lesson");
    expect(textOf(lesson)).toContain("📝 Homework: Send a photo of your lines");
    return { user, lesson };
  }

  it("goes to the reviewers' chat; a reviewer takes it, replies, and the student gets the feedback; BASIC gets an automatic answer", async () => {
    const reviewers = tg.createChat({ type: "supergroup", title: "Reviewers" });
    await tg.addBotToChat(bot, reviewers, { status: "administrator", rights: {} });
    const { basic, feedback } = await homeworkCourse(reviewers.id);

    // The reviewer links their Telegram account with the panel's code.
    const rita = tg.createUser({ firstName: "Rita", languageCode: "en" });
    const operator = await createAdmin(t.core, cliActor, {
      email: "rita@example.com",
      password: "a long enough password",
      role: "reviewer",
    });
    const link = await startOperatorTelegramLink(t.core, {
      type: "admin",
      id: operator.id,
      role: "reviewer",
    });
    await say(tg, bot, rita, `/start op_${link.code}`);
    tg.setMemberStatus(reviewers, rita, "member");

    const { user: cy, lesson } = await student("Cy", feedback.title);
    let after = tg.calls.length;
    await tg.sendPhoto(bot, cy, { replyTo: sentMessage(lesson), caption: "My lines" });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === cy.id, { after });
    expect(messagesTo(cy, after).map(textOf)).toEqual([
      "📨 Homework received: a reviewer will look at it soon.",
    ]);

    after = tg.calls.length;
    await followUps();
    const post = messagesTo(reviewers, after)[0];
    if (!post) throw new Error("nothing posted to the reviewers");
    expect(textOf(post)).toContain("📝 Homework · «Sketching» · day 1 «Lines»\nCy · FEEDBACK");
    expect(messagesTo(reviewers, after, "sendPhoto")).toMatchObject([{ params: { caption: "My lines" } }]);
    const taken = await takeInChat(rita, reviewers, post);
    expect(textOf(taken)).toContain("👤 Taken by rita@example.com");
    expect(buttonsOf(taken).flat()).toEqual([]);

    // Another reviewer replying to the post Rita holds is told who has it.
    const rob = tg.createUser({ firstName: "Rob", languageCode: "en" });
    const robOperator = await createAdmin(t.core, cliActor, {
      email: "rob@example.com",
      password: "a long enough password",
      role: "reviewer",
    });
    const robLink = await startOperatorTelegramLink(t.core, {
      type: "admin",
      id: robOperator.id,
      role: "reviewer",
    });
    await say(tg, bot, rob, `/start op_${robLink.code}`);
    tg.setMemberStatus(reviewers, rob, "member");
    after = tg.calls.length;
    await tg.sendText(bot, rob, "Looks fine", { chat: reviewers, replyTo: sentMessage(post) });
    const refused = await tg.waitForCall("sendMessage", (p) => p.chat_id === reviewers.id, { after });
    expect(textOf(refused)).toBe(
      "⛔ rita@example.com has already taken this homework: only they can review it now.",
    );

    after = tg.calls.length;
    await tg.sendText(bot, rita, "5/5 Lovely, steady lines", { chat: reviewers, replyTo: sentMessage(post) });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === reviewers.id, { after });
    await followUps();
    expect(messagesTo(cy, after).map(textOf)).toEqual([
      "💬 Feedback on day 1 «Lines» — grade 5:\nLovely, steady lines",
    ]);
    const verdict = await tg.waitForCall("editMessageText", (p) => p.chat_id === reviewers.id, { after });
    expect(verdict.params.message_id).toBe(sentMessage(post).message_id);
    expect(textOf(verdict)).toContain("✅ Reviewed by rita@example.com: grade 5");
    expect(textOf(verdict)).not.toContain("Taken by");

    const { user: di, lesson: basicLesson } = await student("Di", basic.title);
    after = tg.calls.length;
    await tg.sendText(bot, di, "Here are my lines", { replyTo: sentMessage(basicLesson) });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === di.id, { after });
    await followUps();
    expect(messagesTo(di, after).map(textOf)).toEqual(["✅ Homework received. Well done!"]);
    expect(messagesTo(reviewers, after)).toEqual([]);
  });

  it("follows a take and a review made in the panel: the card drops Take and names the reviewer, once per state", async () => {
    const reviewers = tg.createChat({ type: "supergroup", title: "Panel reviewers" });
    await tg.addBotToChat(bot, reviewers, { status: "administrator", rights: {} });
    const { feedback } = await homeworkCourse(reviewers.id);
    await createAdmin(t.core, cliActor, {
      email: "pia@example.com",
      password: "a long enough password",
      role: "reviewer",
    });
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "pia@example.com", password: "a long enough password" },
    });
    const session = login.cookies.find((c) => c.name === "lumen_session")?.value;
    const panel = (url: string, payload?: Record<string, unknown>) =>
      t.app.inject({
        method: payload ? "POST" : "GET",
        url,
        headers: { cookie: `lumen_session=${session}`, origin: "http://localhost" },
        ...(payload ? { payload } : {}),
      });

    const { user: gus, lesson } = await student("Gus", feedback.title);
    let after = tg.calls.length;
    await tg.sendText(bot, gus, "Ten straight lines", { replyTo: sentMessage(lesson) });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === gus.id, { after });
    await followUps();
    const post = messagesTo(reviewers, after)[0];
    if (!post) throw new Error("nothing posted to the reviewers");
    expect(buttonsOf(post).flat()).toEqual(["🙋 Take"]);
    const queue = await panel("/api/v1/submissions?status=queued");
    const item = (queue.json().items as Array<{ id: string; student_name: string }>).find(
      (i) => i.student_name === "Gus",
    );
    if (!item) throw new Error("not in the panel's queue");

    after = tg.calls.length;
    expect((await panel(`/api/v1/submissions/${item.id}/claim`, {})).statusCode).toBe(200);
    await followUps();
    const taken = await tg.waitForCall("editMessageText", (p) => p.chat_id === reviewers.id, { after });
    expect(taken.params.message_id).toBe(sentMessage(post).message_id);
    expect(textOf(taken)).toContain("Ten straight lines");
    expect(textOf(taken)).toContain("👤 Taken by pia@example.com");
    expect(buttonsOf(taken).flat()).toEqual([]);

    after = tg.calls.length;
    const reviewed = await panel(`/api/v1/submissions/${item.id}/review`, {
      verdict: "accepted",
      grade: 4,
      feedback: "Steady hand",
    });
    expect(reviewed.statusCode).toBe(200);
    await followUps();
    const verdict = await tg.waitForCall("editMessageText", (p) => p.chat_id === reviewers.id, { after });
    expect(verdict.params.message_id).toBe(sentMessage(post).message_id);
    expect(textOf(verdict)).toContain("✅ Reviewed by pia@example.com: grade 4");
    expect(textOf(verdict)).not.toContain("Taken by");
    expect(buttonsOf(verdict).flat()).toEqual([]);
    expect(messagesTo(gus, after).map(textOf)).toEqual([
      "💬 Feedback on day 1 «Lines» — grade 4:\nSteady hand",
    ]);

    // A repeat edits to the same card: Telegram's "not modified" is not a failure.
    const again = await refreshReviewCardJob({ core: t.core, botApis: t.botApis }).handler({
      submissionId: item.id,
      ref: new Date().toISOString(),
    });
    expect(again).toEqual({ submissionId: item.id, card: "unchanged" });
  });

  it("offers a BASIC student an upgrade after their homework and on /course, and charges the difference", async () => {
    const reviewers = tg.createChat({ type: "supergroup", title: "Reviewers too" });
    const { basic } = await homeworkCourse(reviewers.id, { BASIC: 100, FEEDBACK: 250 });
    const { user: eve, lesson } = await student("Eve", basic.title, 100);
    let after = tg.calls.length;
    await tg.sendText(bot, eve, "My ten lines", { replyTo: sentMessage(lesson) });
    const ack = await tg.waitForCall("sendMessage", (p) => p.chat_id === eve.id, { after });
    expect(textOf(ack)).toBe(
      "✅ Homework received. Well done!\n\n💡 On a tariff with feedback, a reviewer would answer this homework. Upgrade and pay only the difference:",
    );
    expect(buttonsOf(ack).flat()).toContain("⬆️ Upgrade to FEEDBACK — 150 ⭐");
    const page = await say(tg, bot, eve, "/course");
    expect(textOf(page)).toContain("⬆️ Want more? Move up a tariff and pay only the difference:");
    after = tg.calls.length;
    await tg.pressButton(bot, eve, sentMessage(page), callbackDataOf(page, "⬆️ Upgrade to FEEDBACK — 150 ⭐"));
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === eve.id, { after });
    expect((invoice.params.prices as Array<{ amount: number }>).map((p) => p.amount)).toEqual([150]);
    const before = await grants();
    expect((await tg.payInvoice(bot, eve, sentMessage(invoice))).ok).toBe(true);
    await expect.poll(grants, { timeout: 15_000 }).toBe(before + 1);
    const [row] = await t.core.db
      .select({ tariff: courseEnrollments.tariff })
      .from(courseEnrollments)
      .innerJoin(users, eq(users.id, courseEnrollments.userId))
      .where(eq(users.telegramId, eve.id));
    expect(row?.tariff).toBe("FEEDBACK");
    // On the top tariff on sale there is nothing more to offer.
    const again = await say(tg, bot, eve, "/course");
    expect(
      buttonsOf(again)
        .flat()
        .filter((b) => b.startsWith("⬆️")),
    ).toEqual([]);
  });
});

describe("completion", () => {
  it("after the last lesson sends a certificate PDF whose code anyone can check", async () => {
    const code = `short-course-${++courseNo}`;
    const row = await createCourse(t.core, cliActor, {
      code,
      title: "Акварель за день",
      status: "published",
    });
    await addLesson(t.core, cliActor, row.id, { title: "Всё сразу", text: "Рисуем." });
    const product = await createProduct(t.core, cliActor, {
      title: `Акварель ${courseNo}`,
      details: { kind: "course", courseCode: code, tariff: "BASIC" },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    const anna = tg.createUser({ firstName: "Анна", lastName: "Иванова", languageCode: "ru" });
    await say(tg, bot, anna, "/start");
    await buy(anna, product.title);
    await followUps();
    await deliver();
    const after = tg.calls.length;
    await followUps();
    expect(messagesTo(anna, after).map(textOf)).toEqual([
      "🏆 Поздравляем! Вы прошли курс «Акварель за день». Вот ваш сертификат.",
    ]);
    const [document] = messagesTo(anna, after, "sendDocument");
    if (!document) throw new Error("no certificate sent");
    const caption = String(document.params.caption);
    const verify = /Код проверки ([A-Z0-9]{10}): https:\/\/school\.example\/api\/v1\/certificates\/\1$/.exec(
      caption,
    );
    if (!verify) throw new Error(`unexpected caption: ${caption}`);
    expect(sentMessage(document).document?.file_name).toBe(`certificate-${verify[1]}.pdf`);
    const checked = await t.app.inject({ url: `/api/v1/certificates/${verify[1]?.toLowerCase()}` });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({
      code: verify[1],
      student_name: "Анна Иванова",
      course_title: "Акварель за день",
    });
    expect((await t.app.inject({ url: "/api/v1/certificates/NOSUCHCODE1" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/certificates/no!" })).json().error.field).toBe("params.code");
  });
});

describe("the whole course", () => {
  it("FEEDBACK with Stars: onboarding, a lesson a day, homework reviewed in the reviewers' chat, redo, the last lesson, the certificate", async () => {
    const reviewers = tg.createChat({ type: "supergroup", title: "Journey reviewers" });
    await tg.addBotToChat(bot, reviewers, { status: "administrator", rights: {} });
    const code = `journey-${++courseNo}`;
    const row = await createCourse(t.core, cliActor, {
      code,
      title: "Calligraphy",
      status: "published",
      reviewersChatId: reviewers.id,
    });
    await addLesson(t.core, cliActor, row.id, { title: "Tools", text: "Pick a pen." });
    await addLesson(t.core, cliActor, row.id, {
      title: "Letters",
      text: "Write the alphabet.",
      homeworkPrompt: "Send a photo of your alphabet",
      homeworkRequired: true,
    });
    await addLesson(t.core, cliActor, row.id, { title: "Words", text: "Write your name." });
    const product = await createProduct(t.core, cliActor, {
      title: "Calligraphy — FEEDBACK",
      details: { kind: "course", courseCode: code, tariff: "FEEDBACK" },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    const rex = tg.createUser({ firstName: "Rex", languageCode: "en" });
    const operator = await createAdmin(t.core, cliActor, {
      email: "rex@example.com",
      password: "a long enough password",
      role: "reviewer",
    });
    const link = await startOperatorTelegramLink(t.core, {
      type: "admin",
      id: operator.id,
      role: "reviewer",
    });
    await say(tg, bot, rex, `/start op_${link.code}`);
    tg.setMemberStatus(reviewers, rex, "member");

    const eve = tg.createUser({ firstName: "Eve", languageCode: "en" });
    await say(tg, bot, eve, "/start");
    await buy(eve, product.title);
    let after = tg.calls.length;
    await followUps();
    expect(messagesTo(eve, after).map(textOf)).toContain(
      "✅ Payment received: you are enrolled in «Calligraphy — FEEDBACK».",
    );
    await deliver();
    expect(messagesTo(eve, after).map(textOf)).toContainEqual(expect.stringContaining("Day 1 of 3: Tools"));

    clock.advance(DAY);
    after = tg.calls.length;
    await deliver();
    const lesson2 = messagesTo(eve, after)[0];
    if (!lesson2) throw new Error("no lesson 2");
    expect(textOf(lesson2)).toContain("Day 2 of 3: Letters");

    // Day 3 waits for the homework, however late it is.
    clock.advance(2 * DAY);
    after = tg.calls.length;
    await deliver();
    expect(messagesTo(eve, after)).toEqual([]);
    const page = await say(tg, bot, eve, "/course");
    expect(textOf(page)).toContain("Next lesson: after your homework for day 2.");

    after = tg.calls.length;
    await tg.sendPhoto(bot, eve, { replyTo: sentMessage(lesson2), caption: "My alphabet" });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === eve.id, { after });
    await followUps();
    const post = messagesTo(reviewers, after)[0];
    if (!post) throw new Error("not posted to the reviewers");
    await takeInChat(rex, reviewers, post);
    after = tg.calls.length;
    await tg.sendText(bot, rex, "redo: the Q is missing", { chat: reviewers, replyTo: sentMessage(post) });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === reviewers.id, { after });
    await followUps();
    expect(messagesTo(eve, after).map(textOf)).toEqual([
      "🔁 Please redo the homework for day 2 «Letters»:\nthe Q is missing\nReply to the lesson with your new answer.",
    ]);
    // Sent back: day 3 still waits.
    await deliver();
    expect(messagesTo(eve, after)).toHaveLength(1);

    after = tg.calls.length;
    await tg.sendPhoto(bot, eve, { replyTo: sentMessage(lesson2), caption: "With the Q" });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === eve.id, { after });
    await followUps();
    const second = messagesTo(reviewers, after)[0];
    if (!second) throw new Error("the new answer was not posted");
    await tg.sendText(bot, rex, "5/5 Beautiful", { chat: reviewers, replyTo: sentMessage(second) });
    await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === reviewers.id && p.text === "✅ Feedback sent to the student.",
      {
        after,
      },
    );
    await followUps();
    expect(messagesTo(eve, after).map(textOf)).toContain(
      "💬 Feedback on day 2 «Letters» — grade 5:\nBeautiful",
    );

    after = tg.calls.length;
    await deliver();
    expect(messagesTo(eve, after).map(textOf)).toEqual([expect.stringContaining("Day 3 of 3: Words")]);
    await followUps();
    expect(messagesTo(eve, after).map(textOf)).toContain(
      "🏆 Congratulations! You have completed «Calligraphy». Here is your certificate.",
    );
    const [certificate] = messagesTo(eve, after, "sendDocument");
    const verify = /Verification code ([A-Z0-9]{10})/.exec(String(certificate?.params.caption));
    const checked = await t.app.inject({ url: `/api/v1/certificates/${verify?.[1]}` });
    expect(checked.json()).toMatchObject({ student_name: "Eve", course_title: "Calligraphy" });
  });
});
