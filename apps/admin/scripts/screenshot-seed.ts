// The demo shop behind `npm run screenshots`: four weeks of a small Telegram business, made the way
// a real one is made (buyers talk to the bot through the Telegram emulator and pay with Stars or
// rubles, the operator works through the API) while the server's test clock moves a day at a time,
// so the dashboard's charts have a month of days to draw. Not a test: nothing here asserts.
import type { ApiCall, FakeYooKassa } from "@lumen/testkit";
import type { User } from "grammy/types";
import { callbackDataOf, say, sentMessage } from "../../server/test/support/bot-journey.ts";
import type { Panel } from "../test/support/panel.ts";
import { createCourse, signInReviewer, teachDay } from "./screenshot-course.ts";
import { seedBroadcasts, seedTasks } from "./screenshot-desk.ts";
import { type Seeded, seedOperatorWork } from "./screenshot-operator-work.ts";
import { type Buy, type Person, people } from "./screenshot-people.ts";

const DAY = 86_400_000;
export const DAYS = 28;

export type { Seeded } from "./screenshot-operator-work.ts";

/** Seeds the shop and returns ids the screenshots open; the server clock ends DAYS days ahead. */
export async function seedShop(panel: Panel, yk: FakeYooKassa): Promise<Seeded> {
  const { tg, bot } = panel;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await panel.api(method, path, body);
    if (res.status >= 400) console.warn(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // The seller owns the chats; the bot is added by her.
  const seller = tg.createUser({
    firstName: "Vera",
    lastName: "Morozova",
    username: "vera_m",
    languageCode: "ru",
  });
  const club = tg.createChat({ type: "channel", title: "Lumen Club", creator: seller });
  await tg.addBotToChat(bot, club, {
    status: "administrator",
    rights: { can_invite_users: true, can_restrict_members: true },
  });
  const lounge = tg.createChat({ type: "supergroup", title: "Lumen Lounge", creator: seller });
  await tg.addBotToChat(bot, lounge, { status: "member" });
  await tg.waitUntilHandled(bot);

  const product = (title: string, description: string, details: unknown, prices: unknown) =>
    api("POST", "/api/v1/products", { title, description, details, prices });
  await product("100 credits", "A hundred AI answers.", { kind: "credits", credits: 100 }, [
    { currency: "RUB", amount: 19_900 },
    { currency: "XTR", amount: 75 },
  ]);
  const big = await product("500 credits", "The best value pack.", { kind: "credits", credits: 500 }, [
    { currency: "RUB", amount: 79_000 },
    { currency: "XTR", amount: 300 },
  ]);
  const plan = await product(
    "Club month",
    "30 days of the private club and 300 AI messages.",
    { kind: "plan", plan_code: "club", period_days: 30, messages_per_period: 300, channel_ids: [club.id] },
    [{ currency: "RUB", amount: 99_000 }],
  );
  const courseId = await createCourse(api);
  const rita = await signInReviewer(panel, api);
  await product(
    "Prompting course",
    "Eight lessons with homework review.",
    { kind: "course", course_code: "prompting", tariff: "FEEDBACK" },
    [{ currency: "RUB", amount: 490_000 }],
  );
  await product(
    "Prompt pack",
    "120 tested prompts, as a PDF.",
    { kind: "digital", text: "Here is your prompt pack: https://example.com/pack.pdf", file_id: null },
    [
      { currency: "RUB", amount: 29_900 },
      { currency: "XTR", amount: 150 },
    ],
  );
  const spring = await api("POST", "/api/v1/promos", {
    code: "SPRING20",
    kind: "percent_off",
    value: 20,
    max_uses: 100,
  });
  await api("POST", "/api/v1/promos", {
    code: "WELCOME50",
    kind: "bonus_credits",
    value: 50,
    once_per_user: true,
  });
  await api("POST", "/api/v1/promos", {
    code: "CLUBWEEK",
    kind: "free_days",
    value: 7,
    max_uses: 20,
    product_ids: [plan.id],
  });

  // The partner shares a link; some of the people below come through it.
  const partner = tg.createUser({
    firstName: "Alex",
    lastName: "Turner",
    username: "aturner",
    languageCode: "en",
  });
  await say(tg, bot, partner, "/start");
  const card = await say(tg, bot, partner, "/partner");
  const refCode = String(card.params.text).match(/start=(ref_[\w-]+)/)?.[1] ?? "";

  const users = new Map<Person, User>();
  for (let day = 0; day < DAYS; day++) {
    for (const person of people.filter((p) => p.day === day)) {
      const user = tg.createUser({
        firstName: person.first,
        ...(person.last ? { lastName: person.last } : {}),
        ...(person.username ? { username: person.username } : {}),
        languageCode: person.lang,
      });
      users.set(person, user);
      const viaPartner = people.indexOf(person) % 3 === 1;
      const hello = await say(tg, bot, user, viaPartner ? `/start ${refCode}` : "/start");
      // Every other newcomer tries the assistant for free before buying anything.
      if (people.indexOf(person) % 2 === 0) await tryForFree(panel, user, hello);
    }
    for (const [person, user] of users) {
      for (const buy of person.buys.filter((b) => b.day === day)) await purchase(panel, yk, user, buy);
    }
    if (day === 8) {
      const stranger = tg.createUser({ firstName: "Stranger", languageCode: "en" });
      await tg.sendJoinRequest(bot, stranger, club).catch(() => undefined);
    }
    if (day === 19) {
      const gift = [...users].find(([p]) => p.username === "liamb")?.[1];
      if (gift) await say(tg, bot, gift, "/promo CLUBWEEK");
    }
    const since = tg.calls.length;
    await api("POST", "/api/v1/test/clock", { advance_ms: DAY });
    const students = [...users]
      .filter(([p]) => p.buys.some((b) => b.product === "Prompting course" && b.day <= day))
      .map(([, u]) => u);
    await teachDay(panel, api, day < DAYS - 4 ? rita : null, students, since);
  }
  await tg.waitUntilHandled(bot);
  const seeded = await seedOperatorWork(panel, api, { big: big.id as string, club: club.id });
  // Ended and refunded plans lose their chats, as the scheduled sweep would do by itself.
  await api("POST", "/api/v1/test/jobs/access-sweep/run");
  const taskId = await seedTasks(api);
  const broadcastId = await seedBroadcasts(panel, api);
  return {
    ...seeded,
    courseId,
    taskId: taskId ?? "",
    broadcastId: broadcastId ?? "",
    promoId: spring.id as string,
  };
}

/** One purchase in the bot: Stars through Telegram's invoice, rubles through YooKassa's page. */
async function purchase(panel: Panel, yk: FakeYooKassa, user: User, buy: Buy): Promise<void> {
  const { tg, bot } = panel;
  if (buy.promo) await say(tg, bot, user, `/promo ${buy.promo}`);
  const catalog = await say(tg, bot, user, "/buy");
  const labels = JSON.stringify(catalog.params.reply_markup);
  const label = labels.match(
    new RegExp(`${buy.product} — [\\d.,\\s]+ ${buy.currency === "XTR" ? "⭐" : "₽"}`),
  )?.[0];
  if (!label) return console.warn(`no ${buy.currency} button for ${buy.product}`);
  const after = tg.calls.length;
  const paymentsBefore = yk.payments.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, label));
  if (buy.currency === "XTR") {
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, { after });
    await tg.payInvoice(bot, user, sentMessage(invoice));
  } else {
    const reply = await tg.waitForCall("sendMessage", (p) => p.chat_id === user.id, { after });
    const payment = yk.payments.length > paymentsBefore ? yk.payments.at(-1) : undefined;
    if (!payment) return console.warn(`no YooKassa payment for ${buy.product}: ${reply.params.text}`);
    yk.succeed(payment.id);
    await yk.sendWebhook(`${panel.url}/api/v1/payments/yookassa/webhook`, "payment.succeeded", payment.id);
  }
  const next = await tg.waitForCall(
    "sendMessage",
    (p) => p.chat_id === user.id && /^(✅|🔑)/.test(String(p.text)),
    { after, timeoutMs: 15_000 },
  );
  const links = buy.product.startsWith("Club")
    ? await tg
        .waitForCall("sendMessage", (p) => p.chat_id === user.id && String(p.text).startsWith("🔑"), {
          after,
          timeoutMs: 5_000,
        })
        .catch(() => {
          console.warn(`no invite links for ${user.first_name}`);
          return next;
        })
    : next;
  if (String(links.params.text).startsWith("🔑")) {
    const markup = links.params.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> };
    const url = markup.inline_keyboard[0]?.[0]?.url;
    if (url) await tg.joinByInviteLink(bot, user, url).catch(() => undefined);
  }
  // Buyers of credits ask the assistant something straight away.
  if (buy.product.endsWith("credits")) {
    for (const question of ["Write a short post about our spring sale", "Make it friendlier"]) {
      await ask(panel, user, question);
    }
  }
  await tg.waitUntilHandled(bot);
}

/** Presses "Try for free" under the greeting and asks the assistant one thing. */
async function tryForFree(panel: Panel, user: User, hello: ApiCall): Promise<void> {
  const { tg, bot } = panel;
  const label = JSON.stringify(hello.params.reply_markup).match(/🎁 [^"]+/)?.[0];
  if (!label) return;
  await tg.pressButton(bot, user, sentMessage(hello), callbackDataOf(hello, label));
  await tg.waitUntilHandled(bot);
  await ask(panel, user, "What can you do?");
}

/** Sends the assistant a question and waits for its answer. */
async function ask(panel: Panel, user: User, question: string): Promise<void> {
  const after = panel.tg.calls.length;
  await panel.tg.sendText(panel.bot, user, question);
  await panel.tg.waitForCall("sendMessage", (p) => p.chat_id === user.id, { after, timeoutMs: 15_000 });
  await panel.tg.waitUntilHandled(panel.bot);
}
