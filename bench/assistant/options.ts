import { parseArgs } from "node:util";

export type SeedMode = "sql" | "api";

export type BenchOptions = {
  /** A PostgreSQL server URL; the bench makes (and drops) a database of its own on it. */
  databaseUrl: string;
  durationSeconds: number;
  warmupSeconds: number;
  concurrency: number;
  users: number;
  poolSize: number;
  seed: SeedMode;
  /** Runs only the pgbench half, for quick work on the SQL script. */
  skipLumen: boolean;
  /** Also runs pgbench with every statement Lumen sends (lumen-question.sql): where the gap is. */
  fullSql: boolean;
};

const usage = `npm run bench:assistant -- [options]   (each also as an env variable)
  --duration <s>      seconds per scenario                 BENCH_DURATION      (30)
  --warmup <s>        unmeasured seconds before each       BENCH_WARMUP        (10)
  --concurrency <n>   HTTP workers and pgbench clients     BENCH_CONCURRENCY   (64)
  --users <n>         users to register                    BENCH_USERS         (10000)
  --pool-size <n>     the server's DATABASE_POOL_SIZE      BENCH_POOL_SIZE     (20)
  --seed sql|api      bulk SQL inserts, or the HTTP API    BENCH_SEED          (sql)
  --skip-lumen        pgbench only
  --skip-full-sql     leave out the diagnostic pgbench run of Lumen's full statement sequence
  database server:                                         BENCH_DATABASE_URL  (postgres://postgres@127.0.0.1:5432/postgres)
`;

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}`);
  return value;
}

/** Flags win over env variables, which win over the defaults the task asked for. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string" },
      warmup: { type: "string" },
      concurrency: { type: "string" },
      users: { type: "string" },
      "pool-size": { type: "string" },
      seed: { type: "string" },
      "skip-lumen": { type: "boolean" },
      "skip-full-sql": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return undefined;
  }
  const seed = values.seed ?? env.BENCH_SEED ?? "sql";
  if (seed !== "sql" && seed !== "api") throw new Error("--seed must be sql or api");
  const databaseUrl = env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  if (!/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error("BENCH_DATABASE_URL must be a postgres:// URL");
  return {
    databaseUrl,
    durationSeconds: positiveInt("duration", values.duration ?? env.BENCH_DURATION, 30),
    warmupSeconds: positiveInt("warmup", values.warmup ?? env.BENCH_WARMUP, 10, 0),
    concurrency: positiveInt("concurrency", values.concurrency ?? env.BENCH_CONCURRENCY, 64),
    users: positiveInt("users", values.users ?? env.BENCH_USERS, 10_000),
    poolSize: positiveInt("pool-size", values["pool-size"] ?? env.BENCH_POOL_SIZE, 20),
    seed,
    skipLumen: values["skip-lumen"] ?? false,
    fullSql: !values["skip-full-sql"],
  };
}
