import { type DatabaseHandle, openDatabase } from "@lumen/db";
import {
  type BotHandle,
  createFakeYooKassa,
  createTelegramEmulator,
  type FakeYooKassa,
  type TelegramEmulator,
} from "@lumen/testkit";
import { sql } from "drizzle-orm";
import type { Chat, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callbackDataOf, say, sentMessage } from "../support/bot-journey.ts";
import {
  createLumenHome,
  findFreePort,
  type LumenProcess,
  runLumenCli,
  startLumen,
} from "../support/lumen-process.ts";
import { findBrokenInvariants, queryThrough } from "../support/money-invariants.ts";

/**
 * kill -9 in the middle of the work that moves money or access, then a restart: settled once,
 * told once, access right. "In the middle" is made deterministic, never timed: the test holds a
 * PostgreSQL lock the work needs (or the fake provider holds the call), waits until Lumen is
 * blocked on it, kills the process, then lets go. PostgreSQL only: the test and Lumen share it.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!onPostgres) console.log("kill-faults: skipped on PGlite (the test takes locks in Lumen's PostgreSQL)");

const DAY = 86_400_000;
let tg: TelegramEmulator;
let yk: FakeYooKassa;
let bot: BotHandle;
let club: Chat;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let env: Record<string, string>;
let lumen: LumenProcess;
let key: string;
let database: DatabaseHandle;
/** Everyone who bought the plan: each must be told once that it ended. */
const planHolders: User[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  tg = await createTelegramEmulator({ webhookRetry: { attempts: 2, delayMs: 50 } });
  yk = await createFakeYooKassa({ shopId: "100500", secretKey: "kill_secret" });
  bot = tg.createBot({ username: "kill_shop_bot", firstName: "Kill" });
  home = await createLumenHome();
  const port = await findFreePort();
  env = {
    ...home.env,
    PORT: String(port),
    // Webhook mode, as production runs: Telegram redelivers what a dead process did not answer.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    BOT_TOKEN: bot.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    YOOKASSA_SHOP_ID: "100500",
    YOOKASSA_SECRET_KEY: "kill_secret",
    YOOKASSA_API_URL: yk.baseUrl,
    YOOKASSA_ALLOWED_IPS: "*",
    LUMEN_TEST_CONTROLS: "true",
    TELEGRAM_CHAT_RATE_PER_SECOND: "50",
  };
  key = (
    await runLumenCli(env, ["api-key", "create", "--name", "kill", "--key-role", "owner"])
  ).stdout.trim();
  database = await openDatabase({ driver: "postgres", url: env.DATABASE_URL as string, poolSize: 3 });
  lumen = await startLumen(env);
  club = tg.createChat({ type: "channel", title: "Kill club" });
  await tg.addBotToChat(bot, club, {
    status: "administrator",
    rights: { can_invite_users: true, can_restrict_members: true },
  });
  await vi.waitFor(async () => expect((await api("GET", "/api/v1/channels")).items).toHaveLength(1), {
    timeout: 20_000,
  });
  await api("POST", "/api/v1/products", {
    title: "Club week",
    details: { kind: "plan", plan_code: "club", period_days: 7, channel_ids: [club.id] },
    prices: [{ currency: "XTR", amount: 100 }],
  });
}, 420_000);

afterAll(async () => {
  await lumen?.stop();
  await database?.close();
  await tg?.close();
  await yk?.close();
  await home?.cleanup();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint returns
async function api(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${lumen.url}${path}`, {
    method,
    headers: { "x-auth-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json();
}

const query = (text: string) => queryThrough(database.db)(text);

/** Takes `lockSql` in an open transaction and holds it until the returned function is called. */
async function holdLock(lockSql: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const releasedSignal = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const lockedSignal = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = database.db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(lockSql));
      locked();
      await releasedSignal;
    })
    .catch(() => {});
  await lockedSignal;
  return async () => {
    release();
    await transaction;
  };
}

async function waitUntilLumenBlocks(): Promise<void> {
  await vi.waitFor(
    async () => {
      const rows = await query(
        "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
    },
    { timeout: 60_000, interval: 100 },
  );
}

async function killAndRestart(): Promise<void> {
  expect(await lumen.stop("SIGKILL")).toBeNull();
  lumen = await startLumen(env);
}

const messagesTo = (user: User, prefix: string) =>
  tg.calls.filter(
    (c) =>
      c.method === "sendMessage" && c.params.chat_id === user.id && String(c.params.text).startsWith(prefix),
  );

async function openInvoice(user: User) {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, "Club week — 100 ⭐"));
  return tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, { after, timeoutMs: 20_000 });
}

describe.skipIf(!onPostgres)("kill -9 in the middle of money and access work", () => {
  it("a server killed while settling a Stars payment settles it once after restart, links sent once", async () => {
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    planHolders.push(ann);
    await say(tg, bot, ann, "/start");
    const invoice = await openInvoice(ann);
    const orderId = String(invoice.params.payload);
    // Settlement locks the order row first: holding it stops Lumen inside settlePayment.
    const release = await holdLock(`select id from orders where id = '${orderId}' for update`);
    const paid = await tg.payInvoice(bot, ann, sentMessage(invoice));
    expect(paid.ok).toBe(true);
    await waitUntilLumenBlocks();
    await lumen.stop("SIGKILL");
    await release();
    lumen = await startLumen(env);
    // Telegram keeps delivering an update the bot did not answer; here it comes twice more.
    await tg.deliverSuccessfulPayment(bot, ann, paid);
    await tg.deliverSuccessfulPayment(bot, ann, paid);
    await vi.waitFor(() => expect(messagesTo(ann, "🔑")).toHaveLength(1), { timeout: 60_000 });
    await tg.waitUntilHandled(bot, { timeoutMs: 30_000 });

    expect(messagesTo(ann, "🔑")).toHaveLength(1);
    expect(await query(`select status from orders where id = '${orderId}'`)).toEqual([{ status: "paid" }]);
    expect(await query(`select count(*)::int as n from payments where order_id = '${orderId}'`)).toEqual([
      { n: 1 },
    ]);
    expect(await findBrokenInvariants(query)).toEqual([]);
  }, 420_000);

  it("a server killed while YooKassa is refunding finishes the refund once after restart", async () => {
    const product = await api("POST", "/api/v1/products", {
      title: "Pack",
      details: { kind: "credits", credits: 40 },
      prices: [{ currency: "RUB", amount: 4_000 }],
    });
    const user = await api("POST", "/api/v1/users", { telegram_id: 880_001, first_name: "Rey" });
    const created = await api("POST", "/api/v1/orders", {
      user_id: user.id,
      product_id: product.id,
      currency: "RUB",
      provider: "yookassa",
    });
    const paymentId = yk.payments.at(-1)?.id as string;
    yk.succeed(paymentId);
    const hook = await yk.sendWebhook(
      `${lumen.url}/api/v1/payments/yookassa/webhook`,
      "payment.succeeded",
      paymentId,
    );
    expect(hook.status).toBe(200);
    expect((await api("GET", `/api/v1/users/${user.id}/credits`)).balance).toBe(40);

    // YooKassa holds the refund call unanswered; Lumen dies while waiting for it.
    yk.failNext("timeout");
    const requestsBefore = yk.requests.length;
    const refund = fetch(`${lumen.url}/api/v1/orders/${created.order.id}/refund`, {
      method: "POST",
      headers: { "x-auth-key": key, "content-type": "application/json" },
      body: JSON.stringify({}),
    }).catch((error: unknown) => error);
    await yk.waitForRequest((r) => r.path.includes("refunds"), { after: requestsBefore, timeoutMs: 30_000 });
    await killAndRestart();
    expect(await refund).toBeInstanceOf(Error);

    // The operator (or a retry job) asks again: it completes, once.
    const again = await api("POST", `/api/v1/orders/${created.order.id}/refund`, {});
    expect(again.status).toBe("refunded");
    const repeat = await fetch(`${lumen.url}/api/v1/orders/${created.order.id}/refund`, {
      method: "POST",
      headers: { "x-auth-key": key, "content-type": "application/json" },
      body: JSON.stringify({}),
    });
    expect(repeat.status).toBeLessThan(500);
    expect(yk.refunds.filter((r) => r.payment_id === paymentId)).toHaveLength(1);
    expect((await api("GET", `/api/v1/users/${user.id}/credits`)).balance).toBe(0);
    expect(await query(`select status from orders where id = '${created.order.id}'`)).toEqual([
      { status: "refunded" },
    ]);
    expect(await findBrokenInvariants(query)).toEqual([]);
  }, 420_000);

  it("the process running the access sweep, killed mid-sweep, removes once and tells once after restart", async () => {
    const bea = tg.createUser({ firstName: "Bea", languageCode: "en" });
    planHolders.push(bea);
    await say(tg, bot, bea, "/start");
    const invoice = await openInvoice(bea);
    expect((await tg.payInvoice(bot, bea, sentMessage(invoice))).ok).toBe(true);
    await vi.waitFor(() => expect(messagesTo(bea, "🔑")).toHaveLength(1), { timeout: 60_000 });
    const links = messagesTo(bea, "🔑")[0]?.params.reply_markup as {
      inline_keyboard: Array<Array<{ url: string }>>;
    };
    await tg.joinByInviteLink(bot, bea, links.inline_keyboard[0]?.[0]?.url as string);
    await tg.waitUntilHandled(bot, { timeoutMs: 30_000 });
    expect(tg.memberStatus(club, bea)).toBe("member");

    // Every plan so far ends; the sweep removes Bea, then must record and send the notice.
    await api("POST", "/api/v1/test/clock", { advance_ms: 8 * DAY });
    const release = await holdLock("lock table subscription_notices in exclusive mode");
    const sweep = api("POST", "/api/v1/test/jobs/access-sweep/run").catch((error: unknown) => error);
    await waitUntilLumenBlocks();
    await lumen.stop("SIGKILL");
    await sweep;
    await release();
    lumen = await startLumen(env);
    // The new process's clock starts from now: move it past the plans' end again, and past the
    // 5-minute lease the killed sweep held (a crashed sweeper's claim lapses; it is not stolen).
    await api("POST", "/api/v1/test/clock", { advance_ms: 8 * DAY + 10 * 60_000 });
    await api("POST", "/api/v1/test/jobs/access-sweep/run");
    await api("POST", "/api/v1/test/jobs/access-sweep/run");

    expect(tg.memberStatus(club, bea)).toBe("left");
    expect(tg.calls.filter((c) => c.method === "banChatMember" && c.params.user_id === bea.id).length).toBe(
      1,
    );
    // The "plan ended" notice is queued in the revocation's own transaction (the outbox): the
    // killed sweep left either nothing done or the notice queued, so everyone is told, once.
    const told = () => planHolders.map((user) => messagesTo(user, "Your plan «Club week» has ended").length);
    await vi.waitFor(() => expect(told()).toEqual(planHolders.map(() => 1)), { timeout: 60_000 });
    // Another sweep (and the queue's own retries) tell nobody again.
    await api("POST", "/api/v1/test/jobs/access-sweep/run");
    await tg.waitUntilHandled(bot, { timeoutMs: 30_000 });
    expect(told()).toEqual(planHolders.map(() => 1));
    const plans = await query(
      `select s.status, s.access_revoked_at is not null as revoked from subscriptions s
       join users u on u.id = s.user_id where u.telegram_id in (${planHolders.map((u) => u.id).join(",")})`,
    );
    expect(plans).toEqual(planHolders.map(() => ({ status: "expired", revoked: true })));
    expect(await findBrokenInvariants(query)).toEqual([]);
  }, 420_000);
});
