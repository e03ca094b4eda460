import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));

const proxyNames = ["loopback", "linklocal", "uniquelocal"];
const isProxyEntry = (entry: string) => {
  const [address = "", prefix] = entry.split("/");
  if (proxyNames.includes(entry)) return true;
  const family = isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
};

/**
 * The reverse proxies whose X-Forwarded-For is believed: addresses, CIDR ranges or loopback /
 * linklocal / uniquelocal. `false` (default) believes nobody; `true` (believe anyone) is refused,
 * since it lets every client choose its own address.
 */
const trustedProxies = z
  .string()
  .default("false")
  .transform((value) => value.trim())
  .refine((value) => value !== "true", "list the proxies' addresses or CIDR ranges instead of true")
  .transform((value) =>
    value === "false" || value === ""
      ? false
      : value
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean),
  )
  .refine(
    (value) => value === false || value.every(isProxyEntry),
    "must be false or addresses / CIDR ranges separated by commas (or loopback, linklocal, uniquelocal)",
  );

/** 32 bytes as hex or base64; also what `lumen secret rotate` reads as the new key. */
export const lumenSecret = z
  .string()
  .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "must be 32 bytes as 64 hex characters or base64");

/**
 * Every environment variable Lumen reads, with its default. Parsed once at start;
 * README's configuration table and .env.example list the same names.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** auto: readable lines when stdout is a terminal, JSON lines otherwise. */
    LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
    /**
     * The offline playground (a Telegram emulator in the process with a demo bot and demo data).
     * auto: on when no BOT_TOKEN and no real bot is saved; true: also beside real bots; never in production.
     */
    PLAYGROUND: z.enum(["auto", "true", "false"]).default("auto"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    LUMEN_SECRET: optional(lumenSecret),
    BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]{30,}$/, "must look like 123456:ABC... from @BotFather")),
    TELEGRAM_API_ROOT: url.default("https://api.telegram.org"),
    PUBLIC_URL: optional(url),
    INIT_DATA_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(604_800).default(86_400),
    TRUST_PROXY: trustedProxies,
    METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
    /** An operator session unused this long ends; its absolute end (12 hours after login) stays. */
    SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(720).default(60),
    /** false: the bots record no analytics events (an operator who wants none, or a benchmark of their cost). */
    ANALYTICS_EVENTS: z.stringbool().default(true),
    /** Analytics events older than this are deleted by a daily job. */
    ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(400),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    API_ADDRESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    BOT_QUESTIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
    BOT_CHECKOUTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
    TELEGRAM_GLOBAL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(25),
    TELEGRAM_CHAT_RATE_PER_SECOND: z.coerce.number().min(0.1).max(100).default(1),
    OPENAI_BASE_URL: url.default("https://api.openai.com/v1"),
    OPENAI_API_KEY: optional(z.string().min(1)),
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    AI_MODELS: optional(
      z
        .string()
        .regex(/^[^,:\s]+(:\d+)?(\s*,\s*[^,:\s]+(:\d+)?)*$/, "must be model[:price],model[:price],..."),
    ),
    AI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    AI_CONTEXT_TURNS: z.coerce.number().int().min(0).max(50).default(10),
    AI_RESERVATION_TIMEOUT_MS: z.coerce.number().int().min(10_000).default(300_000),
    TRIAL_MESSAGES: z.coerce.number().int().min(0).max(10_000).default(10),
    TRIAL_DAYS: optional(z.coerce.number().int().min(1).max(3650)),
    ADMIN_CHAT_ID: optional(z.coerce.number().int()),
    TELEGRAM_PROVIDER_TOKEN: optional(z.string().min(1)),
    PAYMENTS_MOCK: z.stringbool().default(false),
    YOOKASSA_SHOP_ID: optional(z.string().min(1)),
    YOOKASSA_SECRET_KEY: optional(z.string().min(1)),
    YOOKASSA_API_URL: url.default("https://api.yookassa.ru/v3"),
    YOOKASSA_RETURN_URL: optional(url),
    YOOKASSA_RECEIPTS: z.stringbool().default(false),
    YOOKASSA_VAT_CODE: z.coerce.number().int().min(1).max(6).default(1),
    YOOKASSA_RECEIPT_EMAIL: optional(z.email()),
    /** Comma-separated addresses and CIDR ranges allowed to call the webhook; "*" allows any (tests only). */
    YOOKASSA_ALLOWED_IPS: z
      .string()
      .default(
        "185.71.76.0/27,185.71.77.0/27,77.75.153.0/25,77.75.156.11,77.75.156.35,77.75.154.128/25,2a02:5180::/32",
      ),
    ACCESS_REMINDER_DAYS: z
      .string()
      .regex(/^\d+(\s*,\s*\d+)*$/, "must be whole days separated by commas, e.g. 3,1")
      .default("3,1")
      .transform((v) => v.split(",").map((d) => Number(d.trim()))),
    REFERRAL_PERCENT: z.coerce.number().int().min(0).max(100).default(10),
    REFERRAL_HOLD_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    ACCESS_GRACE_MINUTES: z.coerce.number().int().min(0).max(43_200).default(0),
    /** Test-only: a movable clock and endpoints to run jobs now. Refused in production. */
    LUMEN_TEST_CONTROLS: z.stringbool().default(false),
    YOOKASSA_RECONCILE_AFTER_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  })
  .superRefine((env, ctx) => {
    if (!env.YOOKASSA_SHOP_ID !== !env.YOOKASSA_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["YOOKASSA_SECRET_KEY"],
        message: "YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY go together",
      });
    }
    if (env.NODE_ENV === "production" && env.LUMEN_TEST_CONTROLS) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMEN_TEST_CONTROLS"],
        message: "must not be enabled in production",
      });
    }
    if (env.NODE_ENV === "production" && env.PLAYGROUND === "true") {
      ctx.addIssue({
        code: "custom",
        path: ["PLAYGROUND"],
        message: "must not be enabled in production (the playground runs a fake Telegram)",
      });
    }
    if (env.NODE_ENV === "production" && env.PAYMENTS_MOCK) {
      ctx.addIssue({ code: "custom", path: ["PAYMENTS_MOCK"], message: "must not be enabled in production" });
    }
    if (env.NODE_ENV === "production" && !env.LUMEN_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMEN_SECRET"],
        message: "is required in production (a generated key file would be lost with the container)",
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Fails with every bad variable named, so a misconfigured deploy says what to fix. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

export const isWebhookMode = (config: Config) => config.PUBLIC_URL !== undefined;

/** Whether this configuration may ever start the playground; production never does. */
export const mayRunPlayground = (config: Config) =>
  config.NODE_ENV !== "production" && config.PLAYGROUND !== "false";

/** Reads .env (if any) into process.env without overriding what the environment already says. */
export function loadDotEnv(): void {
  const path = resolve(".env");
  if (existsSync(path)) process.loadEnvFile(path);
}
