import { createPostgresTestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator } from "@lumen/testkit";
import pg from "pg";
import {
  createLumenHome,
  type LumenProcess,
  runLumenCli,
  startLumen,
} from "../../apps/server/test/support/lumen-process.ts";
import { measure } from "./measure.ts";
import { parseOptions } from "./options.ts";

/**
 * A broadcast to many users through the Telegram emulator with flood limits on: the real server
 * process sends at a scaled rate, the emulator injects 429s, and the server is killed with -9 part
 * way and restarted. Prints the sent rate against the configured one, messages lost or duplicated,
 * and 429s not honoured. Never run as a test (it takes minutes at full size).
 */
const options = parseOptions();
const MARKER = "Bench broadcast";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const database = await createPostgresTestDatabase(options.databaseUrl);
  const tg = await createTelegramEmulator({ floodLimits: { perChatPerSecond: 1, globalPerSecond: 30 } });
  const bot = tg.createBot({ username: "bench_cast_bot", firstName: "Bench" });
  const home = await createLumenHome();
  const env = {
    ...home.env,
    DATABASE_URL: database.url,
    BOT_TOKEN: bot.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    LUMEN_TEST_CONTROLS: "true",
  };
  let lumen: LumenProcess | undefined;
  try {
    const key = (
      await runLumenCli(env, ["api-key", "create", "--name", "bench", "--key-role", "owner"])
    ).stdout.trim();
    lumen = await startLumen(env);
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${(lumen as LumenProcess).url}${path}`, {
        method,
        headers: { "x-auth-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the bench reads whatever JSON comes back
      return (await res.json()) as any;
    };
    const botId = (await api("GET", "/api/v1/bots")).items[0].id as string;

    // Users are seeded in SQL (as if each had written to the bot) and exist in the emulator, so
    // Telegram accepts a message to each.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let first = 0;
    for (let i = 0; i < options.users; i++) {
      const user = tg.createUser({ firstName: `U${i}`, languageCode: i % 3 ? "en" : "ru" });
      tg.markStarted(bot, user);
      if (i === 0) first = user.id;
    }
    await client.query(
      `insert into users (telegram_id, first_name, language_code, bot_id)
       select $1::bigint + g, 'U' || g, case when g % 3 = 0 then 'ru' else 'en' end, $2::uuid
       from generate_series(0, $3::int - 1) g`,
      [first, botId, options.users],
    );

    const broadcast = await api("POST", "/api/v1/broadcasts", {
      bot_id: botId,
      title: "Bench",
      segment: "everyone",
      rate_per_second: options.rate,
      allow_paid_broadcast: options.rate > 30,
      content: {
        texts: { en: `${MARKER}, {first_name}`, ru: `${MARKER} ру, {first_name}` },
        fallback_language: "en",
        buttons: [],
      },
    });
    if (!broadcast.id) throw new Error(`creating the broadcast failed: ${JSON.stringify(broadcast)}`);
    const started = Date.now();
    await api("POST", `/api/v1/broadcasts/${broadcast.id}/schedule`, {});

    const delivered = () =>
      tg.calls.filter(
        (c) => c.method === "sendMessage" && c.response.ok && String(c.params.text).includes(MARKER),
      ).length;
    let floodsLeft = options.floods;
    let killedAt: number | null = null;
    for (;;) {
      const report = await api("GET", `/api/v1/broadcasts/${broadcast.id}/report`);
      if (report.status === "done") break;
      const share = delivered() / options.users;
      // Spread the 429s over the run: one each time another slice has gone out.
      if (floodsLeft > 0 && share >= (options.floods - floodsLeft + 1) / (options.floods + 2)) {
        tg.failNext("sendMessage", {
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        });
        floodsLeft--;
      }
      if (options.killAt > 0 && killedAt === null && share >= options.killAt) {
        await lumen.stop("SIGKILL");
        killedAt = Date.now();
        lumen = await startLumen(env);
        // The dead worker's claims and the silent broadcast are stale after 30 s on its clock.
        await api("POST", "/api/v1/test/clock", { advance_ms: 60_000 });
        await api("POST", "/api/v1/test/jobs/broadcasts.sweep/run");
      }
      await sleep(500);
    }
    const report = await api("GET", `/api/v1/broadcasts/${broadcast.id}/report`);
    const figures = measure(tg.calls, bot.token, MARKER, killedAt);
    const seconds = (Date.now() - started) / 1000;
    const lost = report.targeted - figures.uniqueChats;
    console.log(
      [
        `Broadcast benchmark: ${options.users} users, configured ${options.rate}/s, ${options.floods} injected 429s, ` +
          (killedAt ? `kill -9 at ${Math.round(options.killAt * 100)}%` : "no kill"),
        `  wall time ${seconds.toFixed(1)} s; targeted ${report.targeted}, sent ${report.sent}, interrupted ${report.interrupted}, failed ${report.failed}`,
        `  steady sent rate per stretch: ${figures.rates.map((r) => `${r.toFixed(1)}/s (${(((r - options.rate) / options.rate) * 100).toFixed(1)}%)`).join(", ")}`,
        `  delivered ${figures.delivered}, lost ${lost} (of which claimed by the killed process: ${report.interrupted}), duplicated ${figures.duplicates}`,
        `  429s answered ${figures.floodsSent}, sends during a retry_after: ${figures.floodsIgnored}`,
      ].join("\n"),
    );
    await client.end();
  } finally {
    await lumen?.stop();
    await tg.close();
    await home.cleanup();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
