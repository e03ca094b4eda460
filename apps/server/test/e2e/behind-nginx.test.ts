import { openDatabase } from "@lumen/db";
import {
  type BotHandle,
  createFakeOpenAI,
  createTelegramEmulator,
  type FakeOpenAI,
  type TelegramEmulator,
} from "@lumen/testkit";
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
import { findNginx, type Nginx, requestThrough, startNginx } from "../support/nginx-proxy.ts";

/**
 * The deployment shape of deploy/: nginx (the repo's own config, TLS) in front of two
 * `--role api` processes, two `--role worker` processes, one PostgreSQL. Telegram (the
 * emulator) delivers webhooks to nginx; payments, sweeps and AI questions go through both API
 * processes; then the money and access invariants are checked in SQL and every notice is
 * counted once.
 */
const nginxBinary = findNginx();
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!onPostgres)
  console.log("behind-nginx: skipped (needs TEST_DATABASE_URL: several processes share one PostgreSQL)");
else if (!nginxBinary) console.log("behind-nginx: skipped (nginx is not installed; .ci/run installs it)");

const DAY = 86_400_000;
const LOGIN_LIMIT = 3;
let tg: TelegramEmulator;
let ai: FakeOpenAI;
let bot: BotHandle;
let club: Chat;
let admins: Chat;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let nginx: Nginx;
let key: string;
const apis: LumenProcess[] = [];
const workers: LumenProcess[] = [];

beforeAll(async () => {
  if (!onPostgres || !nginxBinary) return;
  ai = await createFakeOpenAI({ apiKey: "sk-nginx" });
  ai.setReply("Forty-two, from the fake.");
  home = await createLumenHome();
  key = (
    await runLumenCli(home.env, ["api-key", "create", "--name", "edge", "--key-role", "owner"])
  ).stdout.trim();
  const [httpsPort, httpPort, api1, api2] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ];
  nginx = await startNginx({
    binary: nginxBinary,
    httpsPort,
    httpPort,
    upstreams: [`127.0.0.1:${api1}`, `127.0.0.1:${api2}`],
  });
  // The emulator is Telegram: it must trust the edge's certificate to deliver webhooks.
  tg = await createTelegramEmulator({ webhookCa: nginx.certificate });
  bot = tg.createBot({ username: "edge_shop_bot", firstName: "Edge" });
  admins = tg.createChat({ type: "group", title: "Sales" });
  await tg.addBotToChat(bot, admins, { status: "member" });
  const env = {
    ...home.env,
    BOT_TOKEN: bot.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    PUBLIC_URL: nginx.url,
    TRUST_PROXY: "127.0.0.1",
    LUMEN_TEST_CONTROLS: "true",
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    OPENAI_BASE_URL: ai.baseUrl,
    OPENAI_API_KEY: "sk-nginx",
    OPENAI_MODEL: "test-mini",
    AI_MODELS: "test-mini:1",
    ADMIN_CHAT_ID: String(admins.id),
    TELEGRAM_CHAT_RATE_PER_SECOND: "50",
  };
  // All four start at once, as a deploy would start them.
  const started = await Promise.allSettled([
    ...[api1, api2].map((port) => startLumen({ ...env, PORT: String(port) }, ["start", "--role", "api"])),
    startLumen(env, ["start", "--role", "worker"]),
    startLumen(env, ["start", "--role", "worker"]),
  ]);
  for (const [i, result] of started.entries()) {
    if (result.status === "fulfilled") (i < 2 ? apis : workers).push(result.value);
  }
  const failed = started.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  await tg.waitForCall("setWebhook");
}, 420_000);

afterAll(async () => {
  for (const p of [...apis, ...workers]) await p.stop();
  await nginx?.stop();
  await tg?.close();
  await ai?.close();
  await home?.cleanup();
});

/** The HTTP API through nginx, as an integration outside the machine would call it. */
async function api(method: string, path: string, body?: unknown) {
  const res = await requestThrough(nginx, {
    method,
    path,
    headers: { "x-auth-key": key },
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, body: res.body ? JSON.parse(res.body) : undefined };
}

/** Test controls go to each API process directly: each has a clock of its own. */
const direct = (p: LumenProcess, path: string, body?: unknown) =>
  fetch(`${p.url}${path}`, {
    method: "POST",
    headers: { "x-auth-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  }).then((r) => r.json());

const messagesTo = (chatId: number, prefix: string) =>
  tg.calls.filter(
    (c) =>
      c.method === "sendMessage" && c.params.chat_id === chatId && String(c.params.text).startsWith(prefix),
  );

async function buy(user: User, label: string, expect: string): Promise<void> {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, label));
  const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, {
    after,
    timeoutMs: 15_000,
  });
  const paid = await tg.payInvoice(bot, user, sentMessage(invoice));
  if (!paid.ok) throw new Error(`payment refused: ${JSON.stringify(paid)}`);
  await tg.waitForCall("sendMessage", (p) => p.chat_id === user.id && String(p.text).startsWith(expect), {
    after,
    timeoutMs: 30_000,
  });
}

describe.skipIf(!onPostgres || !nginxBinary)("two API and two worker processes behind nginx", () => {
  it("sells, answers, sweeps and notifies exactly once through the repo's nginx config", async () => {
    expect((await requestThrough(nginx, { path: "/api/health" })).status).toBe(200);
    club = tg.createChat({ type: "channel", title: "Edge club" });
    await tg.addBotToChat(bot, club, {
      status: "administrator",
      rights: { can_invite_users: true, can_restrict_members: true },
    });
    // The club is recorded once (the admins' group, joined before the start, may be listed too).
    const clubRows = async () =>
      ((await api("GET", "/api/v1/channels")).body.items as Array<{ chat_id: number }>).filter(
        (c) => c.chat_id === club.id,
      );
    await vi.waitFor(async () => expect(await clubRows()).toHaveLength(1), { timeout: 15_000 });
    expect(
      (
        await api("POST", "/api/v1/products", {
          title: "Club week",
          details: { kind: "plan", plan_code: "club", period_days: 7, channel_ids: [club.id] },
          prices: [{ currency: "XTR", amount: 100 }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api("POST", "/api/v1/products", {
          title: "Fifty",
          details: { kind: "credits", credits: 50 },
          prices: [{ currency: "XTR", amount: 50 }],
        })
      ).status,
    ).toBe(201);

    const members = ["Ann", "Ben"].map((name) => tg.createUser({ firstName: name, languageCode: "en" }));
    const askers = ["Cid", "Dee"].map((name) => tg.createUser({ firstName: name, languageCode: "en" }));
    for (const user of [...members, ...askers]) await say(tg, bot, user, "/start");
    await Promise.all([
      ...members.map((u) => buy(u, "Club week — 100 ⭐", "🔑")),
      ...askers.map((u) => buy(u, "Fifty — 50 ⭐", "✅")),
    ]);
    for (const user of members) {
      const links = messagesTo(user.id, "🔑");
      expect(links).toHaveLength(1);
      const markup = links[0]?.params.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> };
      await tg.joinByInviteLink(bot, user, markup.inline_keyboard[0]?.[0]?.url as string);
      expect(tg.memberStatus(club, user)).toBe("member");
    }

    for (const user of askers) {
      for (let i = 0; i < 2; i++) {
        const after = tg.calls.length;
        await tg.sendText(bot, user, `Question ${i} from ${user.first_name}?`);
        await tg.waitForCall(
          "sendMessage",
          (p) => p.chat_id === user.id && String(p.text).includes("Forty-two, from the fake."),
          { after, timeoutMs: 30_000 },
        );
      }
    }

    // Both API processes served webhooks and API calls.
    for (const p of apis) expect(p.logs.some((l) => l.msg === "request completed")).toBe(true);

    // Sweeps: both API processes at once, each on its own moved clock.
    for (const p of apis) await direct(p, "/api/v1/test/clock", { advance_ms: 4 * DAY + 60_000 });
    await Promise.all(apis.map((p) => direct(p, "/api/v1/test/jobs/access-sweep/run")));
    // The sweeps queue the messages; either worker sends each.
    await vi.waitFor(
      () => {
        for (const user of members) expect(messagesTo(user.id, "⏳")).toHaveLength(1);
      },
      { timeout: 30_000 },
    );
    for (const p of apis) await direct(p, "/api/v1/test/clock", { advance_ms: 3 * DAY });
    await Promise.all(apis.map((p) => direct(p, "/api/v1/test/jobs/access-sweep/run")));
    await Promise.all(apis.map((p) => direct(p, "/api/v1/test/jobs/access-sweep/run")));

    await tg.waitUntilHandled(bot, { timeoutMs: 15_000 });
    await vi.waitFor(
      () => {
        for (const user of members)
          expect(messagesTo(user.id, "Your plan «Club week» has ended")).toHaveLength(1);
      },
      { timeout: 30_000 },
    );
    // Notices: each exactly once, whichever process sent it.
    for (const user of members) {
      expect(messagesTo(user.id, "🔑")).toHaveLength(1);
      expect(messagesTo(user.id, "Your plan «Club week» has ended")).toHaveLength(1);
      expect(
        tg.calls.filter((c) => c.method === "banChatMember" && c.params.user_id === user.id),
      ).toHaveLength(1);
      expect(tg.memberStatus(club, user)).toBe("left");
    }
    for (const user of askers) {
      expect(messagesTo(user.id, "✅")).toHaveLength(1);
      const answers = tg.calls.filter(
        (c) =>
          c.method === "sendMessage" &&
          c.params.chat_id === user.id &&
          String(c.params.text).includes("Forty-two, from the fake."),
      );
      expect(answers).toHaveLength(2);
    }
    await vi.waitFor(
      () =>
        expect(
          tg.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === admins.id),
        ).toHaveLength(4),
      {
        timeout: 15_000,
      },
    );

    const database = await openDatabase({
      driver: "postgres",
      url: home.env.DATABASE_URL as string,
      poolSize: 2,
    });
    try {
      const query = queryThrough(database.db);
      expect(await findBrokenInvariants(query)).toEqual([]);
      expect(await query("select status, count(*)::int as n from orders group by status")).toEqual([
        { status: "paid", n: 4 },
      ]);
      expect(await query("select count(*)::int as n from payments")).toEqual([{ n: 4 }]);
      const balances = await query(
        "select u.telegram_id::text as tg, b.balance from credit_balances b join users u on u.id = b.user_id order by u.telegram_id",
      );
      expect(balances.map((r) => r.balance)).toEqual([48, 48]);
      const plans = await query(
        "select status, access_revoked_at is not null as revoked from subscriptions order by created_at",
      );
      expect(plans).toEqual([
        { status: "expired", revoked: true },
        { status: "expired", revoked: true },
      ]);
    } finally {
      await database.close();
    }
  }, 240_000);

  it("logs and rate-limits the client's real address, whatever X-Forwarded-For it sends", async () => {
    const statuses: number[] = [];
    // Bounded: enough attempts to pass the limit even if each process counted on its own.
    // A new email each time, so what trips is the per-address limit (three times the per-account one).
    for (let i = 0; i < 3 * LOGIN_LIMIT + 2; i++) {
      const res = await requestThrough(nginx, {
        method: "POST",
        path: "/api/v1/auth/login",
        localAddress: "127.0.0.2",
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` },
        body: { email: `nobody${i}@example.com`, password: "wrong-password" },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(JSON.parse(res.body).error.code).toBe("RATE_LIMITED");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    // Another real address is not limited by what 127.0.0.2 did.
    const other = await requestThrough(nginx, {
      method: "POST",
      path: "/api/v1/auth/login",
      localAddress: "127.0.0.3",
      body: { email: "somebody@example.com", password: "wrong-password" },
    });
    expect(other.status).toBe(401);

    const logins = apis.flatMap((p) =>
      p.logs.filter((l) => (l.req as { url?: string } | undefined)?.url === "/api/v1/auth/login"),
    );
    const addresses = new Set(logins.map((l) => (l.req as { remoteAddress?: string }).remoteAddress));
    expect([...addresses].sort()).toEqual(["127.0.0.2", "127.0.0.3"]);
  });
});
