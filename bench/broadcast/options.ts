import { parseArgs } from "node:util";

export type BroadcastBenchOptions = {
  users: number;
  /** The broadcast's configured rate (messages/s); scaled up from Telegram's 25/s so 100,000 users take minutes. */
  rate: number;
  /** Kill -9 the server after this share of the recipients got the message (0 = never). */
  killAt: number;
  /** 429s (retry_after 1 s) injected by the emulator during the run. */
  floods: number;
  databaseUrl: string;
};

/**
 * `node bench/broadcast/run.ts [--users 100000] [--rate 200] [--kill-at 0.4] [--floods 3]`, against
 * BENCH_DATABASE_URL (a fresh database is created on it and dropped afterwards).
 */
export function parseOptions(argv = process.argv.slice(2), env = process.env): BroadcastBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: "string", default: "100000" },
      rate: { type: "string", default: "200" },
      "kill-at": { type: "string", default: "0.4" },
      floods: { type: "string", default: "3" },
    },
  });
  const number = (name: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`--${name} must be between ${min} and ${max}`);
    return n;
  };
  return {
    users: number("users", values.users, 10, 1_000_000),
    rate: number("rate", values.rate, 1, 1000),
    killAt: number("kill-at", values["kill-at"], 0, 0.95),
    floods: number("floods", values.floods, 0, 100),
    databaseUrl: env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  };
}
