import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));

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
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    LUMEN_SECRET: optional(
      z
        .string()
        .regex(
          /^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/,
          "must be 32 bytes as 64 hex characters or base64",
        ),
    ),
    BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]{30,}$/, "must look like 123456:ABC... from @BotFather")),
    TELEGRAM_API_ROOT: url.default("https://api.telegram.org"),
    PUBLIC_URL: optional(url),
    TRUST_PROXY: z.stringbool().default(false),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
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
  })
  .superRefine((env, ctx) => {
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
