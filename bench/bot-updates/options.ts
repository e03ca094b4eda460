import { parseArgs } from "node:util";

export type BotUpdatesOptions = {
  durationSeconds: number;
  warmupSeconds: number;
  /** Updates in flight at once (users waiting for their reply), spread over the bots. */
  concurrency: number;
  users: number;
  bots: number;
  /** What every user sends: `/balance` (one read, one reply) or `/start` (also an analytics event). */
  command: "/balance" | "/start";
  /** ANALYTICS_EVENTS of the server: off measures what recording events costs (issue 11). */
  events: boolean;
  poolSize: number;
  databaseUrl: string;
};

const HELP = `npm run bench:bot-updates -- [options]
  --duration <s>      measured seconds (default 20)
  --warmup <s>        unmeasured seconds before, after every user wrote once (default 5)
  --concurrency <n>   updates in flight (default 64)
  --users <n>         Telegram users, each known to Lumen before measuring (default 4000)
  --bots <n>          bots the users write to (default 4; a bot may send 1,000 messages/s at most)
  --command <c>       /balance (default) or /start
  --events on|off     the server records analytics events or not (default on)
  --pool-size <n>     DATABASE_POOL_SIZE (default 10)
BENCH_DATABASE_URL: a PostgreSQL server; a fresh database is made on it and dropped afterwards.
BENCH_SERVER_NODE_OPTIONS: passed to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".`;

/** Flags of `bench/bot-updates/run.ts`; undefined after printing --help. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BotUpdatesOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "20" },
      warmup: { type: "string", default: "5" },
      concurrency: { type: "string", default: "64" },
      users: { type: "string", default: "4000" },
      bots: { type: "string", default: "4" },
      command: { type: "string", default: "/balance" },
      events: { type: "string", default: "on" },
      "pool-size": { type: "string", default: "10" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return undefined;
  }
  const number = (name: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  if (values.command !== "/balance" && values.command !== "/start")
    throw new Error("--command must be /balance or /start");
  if (values.events !== "on" && values.events !== "off") throw new Error("--events must be on or off");
  const options: BotUpdatesOptions = {
    durationSeconds: number("duration", values.duration, 1, 3600),
    warmupSeconds: number("warmup", values.warmup, 0, 600),
    concurrency: number("concurrency", values.concurrency, 1, 1000),
    users: number("users", values.users, 1, 1_000_000),
    bots: number("bots", values.bots, 1, 50),
    command: values.command,
    events: values.events === "on",
    poolSize: number("pool-size", values["pool-size"], 1, 200),
    databaseUrl: env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  };
  if (options.users < options.concurrency) throw new Error("--users must be at least --concurrency");
  return options;
}
