import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { Chat, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callbackDataOf, say, sentMessage } from "../support/bot-journey.ts";
import { type BotSuite, startBotSuite } from "../support/bot-suite.ts";
import type { LumenProcess } from "../support/lumen-process.ts";
import { wait } from "../support/wait.ts";

const DAY = 86_400_000;
let tg: TelegramEmulator;
let bot: BotHandle;
let vip: Chat;
let lumen: LumenProcess;
let key: string;

let suite: BotSuite;
beforeAll(async () => {
  suite = await startBotSuite({
    username: "vip_access_bot",
    firstName: "VIP",
    keyRole: "owner",
    env: { LUMEN_TEST_CONTROLS: "true", TELEGRAM_CHAT_RATE_PER_SECOND: "50" },
  });
  ({ tg, bot, lumen, key } = suite);
  vip = tg.createChat({ type: "channel", title: "VIP signals" });
  await tg.addBotToChat(bot, vip, {
    status: "administrator",
    rights: { can_invite_users: true, can_restrict_members: true },
  });
  await vi.waitFor(async () => expect((await api("/api/v1/channels")).items).toHaveLength(1), wait);
  const plan = await api("/api/v1/products", "POST", {
    title: "VIP week",
    details: { kind: "plan", plan_code: "vip", period_days: 7, channel_ids: [vip.id] },
    prices: [{ currency: "XTR", amount: 100 }],
  });
  expect(plan.title).toBe("VIP week");
});
afterAll(() => suite?.stop());

async function api(path: string, method = "GET", body?: unknown) {
  const res = await fetch(`${lumen.url}${path}`, {
    method,
    headers: { "x-auth-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json();
}

const advance = (ms: number) => api("/api/v1/test/clock", "POST", { advance_ms: ms });
const sweep = () => api("/api/v1/test/jobs/access-sweep/run", "POST");

/** Buys the plan with Stars and returns the personal invite link the bot sent. */
async function buyPlan(user: User): Promise<string> {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, "VIP week — 100 ⭐"));
  const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, { after });
  expect((await tg.payInvoice(bot, user, sentMessage(invoice))).ok).toBe(true);
  const links = await tg.waitForCall(
    "sendMessage",
    (p) => p.chat_id === user.id && String(p.text).startsWith("🔑"),
    { after, timeoutMs: 15_000 },
  );
  const markup = links.params.reply_markup as {
    inline_keyboard: Array<Array<{ text: string; url: string }>>;
  };
  expect(markup.inline_keyboard[0]?.[0]?.text).toMatch(/^(Join|Вступить в) «VIP signals»$/);
  return markup.inline_keyboard[0]?.[0]?.url as string;
}

/** Buys the plan again while it is live: a receipt, and no new links (the buyer is in already). */
async function renewPlan(user: User): Promise<void> {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, "VIP week — 100 ⭐"));
  const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, { after });
  expect((await tg.payInvoice(bot, user, sentMessage(invoice))).ok).toBe(true);
  await tg.waitForCall("sendMessage", (p) => p.chat_id === user.id && String(p.text).startsWith("✅"), {
    after,
    timeoutMs: 15_000,
  });
}

const messagesTo = (user: User, prefix: string) =>
  tg.calls.filter(
    (c) =>
      c.method === "sendMessage" && c.params.chat_id === user.id && String(c.params.text).startsWith(prefix),
  );

describe("Telegram Star subscriptions", () => {
  it("sell a 30-day plan as a Star subscription, extend it on renewal, and stop renewing on /cancel", async () => {
    await api("/api/v1/products", "POST", {
      title: "VIP month",
      details: { kind: "plan", plan_code: "vip-month", period_days: 30, channel_ids: [vip.id] },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    const sam = tg.createUser({ firstName: "Sam", languageCode: "en" });
    await say(tg, bot, sam, "/start");
    const catalog = await say(tg, bot, sam, "/buy");
    let after = tg.calls.length;
    await tg.pressButton(bot, sam, sentMessage(catalog), callbackDataOf(catalog, "VIP month — 300 ⭐"));
    const offer = await tg.waitForCall("sendMessage", (p) => p.chat_id === sam.id, { after });
    const linkCall = await tg.waitForCall("createInvoiceLink", (p) => p.subscription_period === 2_592_000, {
      after,
    });
    const link = String((linkCall.response as { result: string }).result);
    expect(String(offer.params.text)).toContain("renews every month");
    const paid = await tg.payInvoice(bot, sam, link);
    expect(paid.payment?.is_recurring).toBe(true);
    await tg.waitForCall("sendMessage", (p) => p.chat_id === sam.id && String(p.text).startsWith("🔑"), {
      after,
      timeoutMs: 15_000,
    });
    const firstEnd = (await say(tg, bot, sam, "/status")).params.text as string;

    after = tg.calls.length;
    tg.renewSubscription(bot, sam, paid.payment?.telegram_payment_charge_id as string);
    await tg.waitForCall("sendMessage", (p) => p.chat_id === sam.id && String(p.text).startsWith("✅"), {
      after,
      timeoutMs: 15_000,
    });
    const renewedEnd = (await say(tg, bot, sam, "/status")).params.text as string;
    const until = (text: string) => new Date(String(text.match(/until (\d{4}-\d{2}-\d{2})/)?.[1])).getTime();
    expect(until(renewedEnd) - until(firstEnd)).toBe(30 * DAY);

    const cancelled = await say(tg, bot, sam, "/cancel");
    expect(String(cancelled.params.text)).toContain("Renewal of «VIP month» is off.");
    const edit = await tg.waitForCall("editUserStarSubscription", (p) => p.user_id === sam.id);
    expect(edit.params).toMatchObject({
      is_canceled: true,
      telegram_payment_charge_id: paid.payment?.telegram_payment_charge_id,
    });
    expect(
      tg.payments.find(
        (p) => p.payment.telegram_payment_charge_id === paid.payment?.telegram_payment_charge_id,
      )?.subscriptionCanceled,
    ).toBe(true);
    expect(String((await say(tg, bot, sam, "/status")).params.text)).toContain("«VIP month» — active until");
  });
});

describe("paid access to a channel", () => {
  it("gives a personal one-use link that removes and revokes when someone else uses it", async () => {
    const buyer = tg.createUser({ firstName: "Buyer", languageCode: "en" });
    const stranger = tg.createUser({ firstName: "Stranger", languageCode: "en" });
    await say(tg, bot, buyer, "/start");
    const link = await buyPlan(buyer);
    const created = await tg.waitForCall("createChatInviteLink");
    expect(created.params).toMatchObject({ chat_id: vip.id, member_limit: 1 });

    await tg.joinByInviteLink(bot, stranger, link);
    await tg.waitForCall("revokeChatInviteLink", (p) => p.invite_link === link, { timeoutMs: 10_000 });
    expect(
      tg.calls.filter((c) => c.method === "banChatMember" && c.params.user_id === stranger.id),
    ).toHaveLength(1);
    expect(
      tg.calls.filter((c) => c.method === "unbanChatMember" && c.params.user_id === stranger.id),
    ).toHaveLength(1);
    expect(tg.memberStatus(vip, stranger)).toBe("left");
    await expect(tg.joinByInviteLink(bot, buyer, link)).rejects.toThrow();
  });

  it("answers join requests: subscribers approved, others offered the plan with the request held", async () => {
    const member = tg.createUser({ firstName: "Member", languageCode: "en" });
    const outsider = tg.createUser({ firstName: "Outsider", languageCode: "en" });
    await say(tg, bot, member, "/start");
    await buyPlan(member);
    await tg.sendJoinRequest(bot, outsider, vip);
    const offer = await tg.waitForCall("sendMessage", (p) => p.chat_id === outsider.id, {
      timeoutMs: 10_000,
    });
    expect(String(offer.params.text)).toContain("«VIP signals» is for members of «VIP week»");
    expect(
      tg.calls.some((c) => c.method === "declineChatJoinRequest" && c.params.user_id === outsider.id),
    ).toBe(false);
    await tg.sendJoinRequest(bot, member, vip);
    await tg.waitForCall("approveChatJoinRequest", (p) => p.user_id === member.id, { timeoutMs: 10_000 });
    expect(tg.memberStatus(vip, member)).toBe("member");
  });

  it("reminds 3 and 1 days before the end, once each, then removes and tells; a renewal stops it all", async () => {
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const ren = tg.createUser({ firstName: "Ren", languageCode: "ru" });
    await say(tg, bot, ann, "/start");
    await say(tg, bot, ren, "/start");
    await tg.joinByInviteLink(bot, ann, await buyPlan(ann));
    await tg.joinByInviteLink(bot, ren, await buyPlan(ren));
    await tg.waitUntilHandled(bot);
    expect(tg.memberStatus(vip, ann)).toBe("member");

    await advance(4 * DAY + 60_000);
    await sweep();
    await sweep();
    // The sweep queues the messages; a worker sends them.
    await vi.waitFor(() => expect(messagesTo(ren, "⏳")).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(() => expect(messagesTo(ann, "⏳")).toHaveLength(1), { timeout: 20_000 });
    expect(String(messagesTo(ann, "⏳")[0]?.params.text)).toContain("3 days left");
    expect(messagesTo(ren, "⏳")).toHaveLength(1);

    await renewPlan(ren);
    await advance(2 * DAY);
    await sweep();
    await vi.waitFor(() => expect(messagesTo(ann, "⏳")).toHaveLength(2), { timeout: 20_000 });
    expect(String(messagesTo(ann, "⏳")[1]?.params.text)).toContain("1 day left");
    expect(messagesTo(ren, "⏳")).toHaveLength(1);

    await advance(DAY);
    const result = await sweep();
    expect(result).toMatchObject({ expired: 3, removed: 3 });
    expect(tg.calls.filter((c) => c.method === "banChatMember" && c.params.user_id === ann.id)).toHaveLength(
      1,
    );
    expect(
      tg.calls.filter(
        (c) =>
          c.method === "unbanChatMember" && c.params.user_id === ann.id && c.params.only_if_banned === true,
      ),
    ).toHaveLength(1);
    expect(tg.memberStatus(vip, ann)).toBe("left");
    await vi.waitFor(() => expect(messagesTo(ann, "Your plan «VIP week» has ended")).toHaveLength(1), {
      timeout: 20_000,
    });
    expect(tg.memberStatus(vip, ren)).toBe("member");
    expect(tg.calls.some((c) => c.method === "banChatMember" && c.params.user_id === ren.id)).toBe(false);

    await sweep();
    expect(tg.calls.filter((c) => c.method === "banChatMember" && c.params.user_id === ann.id)).toHaveLength(
      1,
    );
    const status = await say(tg, bot, ren, "/status");
    expect(String(status.params.text)).toMatch(/«VIP week» — действует до/);
  });

  it("keeps an access log of all of it, readable by the operator, each event once", async () => {
    const [channel] = (await api("/api/v1/channels")).items;
    const log = await api(`/api/v1/channels/${channel.id}/access-log?limit=200`);
    const kinds = new Set(log.items.map((e: { kind: string }) => e.kind));
    for (const kind of [
      "invite_issued",
      "member_joined",
      "stranger_removed",
      "join_request_offered",
      "join_request_approved",
      "reminder_sent",
      "member_removed",
    ])
      expect(kinds, kind).toContain(kind);
    const removedStranger = log.items.find((e: { kind: string }) => e.kind === "stranger_removed");
    expect(removedStranger.data.link_owner_user_id).toEqual(expect.any(String));
    const reminders = log.items.filter((e: { kind: string }) => e.kind === "reminder_sent");
    const keys = reminders.map(
      (e: { subscription_id: string; data: { days_before: number } }) =>
        `${e.subscription_id}:${e.data.days_before}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    const detail = await api(`/api/v1/channels/${channel.id}`);
    const ren = detail.access.holders.find(
      (h: { user: { first_name: string } }) => h.user.first_name === "Ren",
    );
    expect(ren).toMatchObject({ join_state: "joined" });
  });
});
